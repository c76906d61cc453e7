// Charts of the programmes page: before/after bars of members and comparison group, the weekly
// external followers (members combined against the corporate account, the crossing week and the
// six-month mark drawn in), weekly comments, and the voice share per month.
import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDecimal, formatNumber, formatPercent, formatPeriod } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { programmeMessages } from '../../lib/messages/programmes';
import type { ExternalWeek, ImpactGroup, VoiceMonth } from '../../lib/programme-queries';
import { niceTicks } from '../../lib/ticks';

const axisTick = { fontSize: 12, fill: 'var(--text-muted)' };
const axisLabel = (value: string) => ({
  value,
  angle: -90,
  position: 'insideLeft' as const,
  offset: 4,
  style: { textAnchor: 'middle' as const, fill: 'var(--text-muted)', fontSize: 12 },
});

function Figure({ title, note, children }: { title: string; note?: string; children: ReactNode }) {
  return (
    <figure className="chart" aria-label={title}>
      <figcaption>
        <h2>{title}</h2>
        {note ? <p className="muted">{note}</p> : null}
      </figcaption>
      <div className="chart-frame small-frame">{children}</div>
    </figure>
  );
}

const keys = ['reach', 'engagement', 'posting'] as const;

/** Members before/after against the comparison group before/after, per figure (per person and 30 days). */
export function ImpactBars({ members, comparison, title, note }: { members: ImpactGroup; comparison: ImpactGroup; title: string; note: string }) {
  const { lang, locale } = useI18n();
  const m = programmeMessages[lang];
  const data = keys.map((k) => ({
    figure: m.figure[k],
    membersBefore: members.before?.[k] ?? null,
    membersAfter: members.after?.[k] ?? null,
    comparisonBefore: comparison.before?.[k] ?? null,
    comparisonAfter: comparison.after?.[k] ?? null,
  }));
  const max = Math.max(0, ...data.flatMap((d) => [d.membersBefore ?? 0, d.membersAfter ?? 0, d.comparisonBefore ?? 0, d.comparisonAfter ?? 0]));
  const ticks = niceTicks(max);
  return (
    <Figure title={title} note={note}>
      <ResponsiveContainer width="100%" height={300}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} barGap={2}>
          <CartesianGrid stroke="var(--grid)" vertical={false} />
          <XAxis dataKey="figure" tick={axisTick} tickLine={false} axisLine={{ stroke: 'var(--border-strong)' }} />
          <YAxis
            domain={[0, ticks[ticks.length - 1]]}
            ticks={ticks}
            tickFormatter={(v: number) => formatNumber(v, locale)}
            tick={axisTick}
            tickLine={false}
            axisLine={false}
            width={64}
            label={axisLabel(m.perThirtyDays)}
          />
          <Tooltip formatter={(v) => (typeof v === 'number' ? formatDecimal(v, locale, 1) : '–')} cursor={{ fill: 'var(--hover)' }} />
          <Legend verticalAlign="top" align="right" height={28} iconSize={10} wrapperStyle={{ fontSize: 13 }} itemSorter={null} />
          <Bar dataKey="membersBefore" name={m.membersBefore} fill="var(--chart-1)" fillOpacity={0.45} isAnimationActive={false} />
          <Bar dataKey="membersAfter" name={m.membersAfter} fill="var(--chart-1)" isAnimationActive={false} />
          <Bar dataKey="comparisonBefore" name={m.comparisonBefore} fill="var(--chart-2)" fillOpacity={0.45} isAnimationActive={false} />
          <Bar dataKey="comparisonAfter" name={m.comparisonAfter} fill="var(--chart-2)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </Figure>
  );
}

/** The week (label) that contains a day, among the weeks of the series. */
export function weekOfDay(weeks: ExternalWeek[], day: string | null): string | null {
  if (!day) return null;
  const hit = weeks.find((w) => {
    const end = new Date(`${w.weekStart}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 6);
    return w.weekStart <= day && day <= end.toISOString().slice(0, 10);
  });
  return hit?.week ?? null;
}

/** Weekly followers: members combined and the corporate account, with the crossing and the six-month mark. */
export function FollowersChart({ weeks, crossingWeek, deadlineWeek, title, note }: { weeks: ExternalWeek[]; crossingWeek: string | null; deadlineWeek: string | null; title: string; note?: string }) {
  const { lang, locale } = useI18n();
  const m = programmeMessages[lang];
  const max = Math.max(0, ...weeks.flatMap((w) => [w.membersFollowers ?? 0, w.corporateFollowers ?? 0]));
  const ticks = niceTicks(max);
  return (
    <Figure title={title} note={note}>
      <ResponsiveContainer width="100%" height={320}>
        <LineChart data={weeks} margin={{ top: 16, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="var(--grid)" vertical={false} />
          <XAxis dataKey="week" tickFormatter={(w: string) => formatPeriod(w, 'week', locale, 'short')} tick={axisTick} tickLine={false} axisLine={{ stroke: 'var(--border-strong)' }} minTickGap={16} />
          <YAxis domain={[0, ticks[ticks.length - 1]]} ticks={ticks} tickFormatter={(v: number) => formatNumber(v, locale)} tick={axisTick} tickLine={false} axisLine={false} width={72} label={axisLabel(m.followers)} />
          <Tooltip labelFormatter={(w) => formatPeriod(String(w), 'week', locale)} formatter={(v) => (typeof v === 'number' ? formatNumber(v, locale) : m.suppressedShort)} />
          <Legend verticalAlign="top" align="right" height={28} iconSize={10} wrapperStyle={{ fontSize: 13 }} itemSorter={null} />
          {deadlineWeek ? <ReferenceLine x={deadlineWeek} stroke="var(--text-muted)" strokeDasharray="4 4" label={{ value: '6 M', position: 'insideTopRight', fill: 'var(--text-muted)', fontSize: 12 }} /> : null}
          {crossingWeek ? <ReferenceLine x={crossingWeek} stroke="var(--text)" strokeWidth={2} label={{ value: m.crossing, position: 'insideTopLeft', fill: 'var(--text)', fontSize: 12 }} /> : null}
          <Line dataKey="membersFollowers" name={m.membersFollowers} stroke="var(--chart-1)" strokeWidth={2.5} dot={false} isAnimationActive={false} />
          <Line dataKey="corporateFollowers" name={m.corporateFollowers} stroke="var(--chart-2)" strokeWidth={2.5} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </Figure>
  );
}

/** Weekly comments on LinkedIn & co.: members combined against the corporate account. */
export function CommentsChart({ weeks, title }: { weeks: ExternalWeek[]; title: string }) {
  const { lang, locale } = useI18n();
  const m = programmeMessages[lang];
  const ticks = niceTicks(Math.max(0, ...weeks.flatMap((w) => [w.membersComments ?? 0, w.corporateComments])));
  return (
    <Figure title={title}>
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={weeks} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} barGap={1}>
          <CartesianGrid stroke="var(--grid)" vertical={false} />
          <XAxis dataKey="week" tickFormatter={(w: string) => formatPeriod(w, 'week', locale, 'short')} tick={axisTick} tickLine={false} axisLine={{ stroke: 'var(--border-strong)' }} minTickGap={16} />
          <YAxis domain={[0, ticks[ticks.length - 1]]} ticks={ticks} tickFormatter={(v: number) => formatNumber(v, locale)} tick={axisTick} tickLine={false} axisLine={false} width={64} label={axisLabel(m.comments)} />
          <Tooltip labelFormatter={(w) => formatPeriod(String(w), 'week', locale)} formatter={(v) => (typeof v === 'number' ? formatNumber(v, locale) : m.suppressedShort)} cursor={{ fill: 'var(--hover)' }} />
          <Legend verticalAlign="top" align="right" height={28} iconSize={10} wrapperStyle={{ fontSize: 13 }} itemSorter={null} />
          <Bar dataKey="membersComments" name={m.membersComments} fill="var(--chart-1)" isAnimationActive={false} />
          <Bar dataKey="corporateComments" name={m.corporateComments} fill="var(--chart-2)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </Figure>
  );
}

/** Voice share per month: employees against official accounts, and the members' part of the employees. */
export function VoiceChart({ items, title, note }: { items: VoiceMonth[]; title: string; note?: string }) {
  const { lang, locale } = useI18n();
  const m = programmeMessages[lang];
  return (
    <Figure title={title} note={note}>
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={items} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="var(--grid)" vertical={false} />
          <XAxis dataKey="period" tickFormatter={(p: string) => formatPeriod(p, 'month', locale, 'short')} tick={axisTick} tickLine={false} axisLine={{ stroke: 'var(--border-strong)' }} />
          <YAxis domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={(v: number) => formatPercent(v, locale, 0)} tick={axisTick} tickLine={false} axisLine={false} width={64} label={axisLabel(m.share)} />
          <Tooltip labelFormatter={(p) => formatPeriod(String(p), 'month', locale)} formatter={(v) => (typeof v === 'number' ? formatPercent(v, locale) : '–')} />
          <Legend verticalAlign="top" align="right" height={28} iconSize={10} wrapperStyle={{ fontSize: 13 }} itemSorter={null} />
          <Line dataKey="employeeShare" name={m.employeeShare} stroke="var(--chart-2)" strokeWidth={2.5} dot={{ r: 3 }} isAnimationActive={false} />
          <Line dataKey="memberShare" name={m.memberShare} stroke="var(--chart-1)" strokeWidth={2.5} dot={{ r: 3 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </Figure>
  );
}

// A person's monthly history (rank and score; responders and reach) and the departments they
// reached, as recharts charts with labelled axes and locale-formatted tooltips.
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { formatDecimal, formatNumber, formatPeriod } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { PersonMonth } from '../../lib/queries';
import { niceTicks } from '../../lib/ticks';

const colours = { first: 'var(--chart-1)', second: 'var(--chart-2)' };
const tick = { fontSize: 12, fill: 'var(--text-muted)' };
const axisLabel = { fill: 'var(--text-muted)', fontSize: 12, textAnchor: 'middle' as const };

/** Rank (left axis, reversed: 1 at the top) and score (right axis, 0–1) per month. */
export function RankScoreChart({ history }: { history: PersonMonth[] }) {
  const { t, locale } = useI18n();
  const maxRank = Math.max(1, ...history.map((h) => h.rank ?? 1));
  const rankTicks = niceTicks(maxRank, 4).map((v) => Math.max(1, v));

  const renderTooltip = ({ active, payload }: TooltipContentProps) => {
    const item = active ? (payload?.[0]?.payload as PersonMonth | undefined) : undefined;
    if (!item) return null;
    return (
      <div className="chart-tooltip">
        <strong>{formatPeriod(item.month, 'month', locale)}</strong>
        <dl>
          <dt>{t.influence.rank}</dt>
          <dd>{formatNumber(item.rank, locale)}</dd>
          <dt>{t.influence.score}</dt>
          <dd>{formatDecimal(item.score, locale, 3)}</dd>
        </dl>
      </div>
    );
  };

  return (
    <figure className="chart" aria-label={t.person.rankScoreTitle} data-testid="rank-chart">
      <figcaption>
        <h2>{t.person.rankScoreTitle}</h2>
        <p className="muted">{t.person.rankScoreText}</p>
      </figcaption>
      <div className="chart-frame small-frame">
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={history} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
            <CartesianGrid stroke="var(--grid)" vertical={false} />
            <XAxis dataKey="month" tickFormatter={(m: string) => formatPeriod(m, 'month', locale, 'short')} tick={tick} tickLine={false} axisLine={{ stroke: 'var(--border-strong)' }} minTickGap={8} />
            <YAxis
              yAxisId="rank"
              reversed
              allowDecimals={false}
              domain={[1, rankTicks[rankTicks.length - 1]]}
              ticks={[...new Set([1, ...rankTicks])]}
              tickFormatter={(v: number) => formatNumber(v, locale)}
              tick={tick}
              tickLine={false}
              axisLine={false}
              width={56}
              label={{ value: t.person.axisRank, angle: -90, position: 'insideLeft', offset: 4, style: axisLabel }}
            />
            <YAxis
              yAxisId="score"
              orientation="right"
              domain={[0, 1]}
              ticks={[0, 0.25, 0.5, 0.75, 1]}
              tickFormatter={(v: number) => formatDecimal(v, locale, 2)}
              tick={tick}
              tickLine={false}
              axisLine={false}
              width={56}
              label={{ value: t.person.axisScore, angle: 90, position: 'insideRight', offset: 4, style: axisLabel }}
            />
            <Tooltip content={renderTooltip} />
            <Legend verticalAlign="top" align="right" height={26} iconSize={10} wrapperStyle={{ fontSize: 13 }} />
            <Line yAxisId="rank" dataKey="rank" name={t.influence.rank} stroke={colours.first} strokeWidth={2.5} dot={{ r: 3, fill: colours.first }} isAnimationActive={false} />
            <Line yAxisId="score" dataKey="score" name={t.influence.score} stroke={colours.second} strokeWidth={2} strokeDasharray="5 4" dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Responders and reach (distinct people) per month. */
export function ReachChart({ history }: { history: PersonMonth[] }) {
  const { t, locale } = useI18n();
  const ticks = niceTicks(Math.max(0, ...history.map((h) => Math.max(h.reach, h.responders))));

  const renderTooltip = ({ active, payload }: TooltipContentProps) => {
    const item = active ? (payload?.[0]?.payload as PersonMonth | undefined) : undefined;
    if (!item) return null;
    return (
      <div className="chart-tooltip">
        <strong>{formatPeriod(item.month, 'month', locale)}</strong>
        <dl>
          <dt>{t.influence.responders}</dt>
          <dd>{formatNumber(item.responders, locale)}</dd>
          <dt>{t.influence.reach}</dt>
          <dd>{formatNumber(item.reach, locale)}</dd>
          <dt>{t.influence.crossDepartmentReach}</dt>
          <dd>{formatNumber(item.crossDepartmentReach, locale)}</dd>
        </dl>
      </div>
    );
  };

  return (
    <figure className="chart" aria-label={t.person.reachTitle} data-testid="reach-chart">
      <figcaption>
        <h2>{t.person.reachTitle}</h2>
        <p className="muted">{t.person.reachText}</p>
      </figcaption>
      <div className="chart-frame small-frame">
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={history} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid stroke="var(--grid)" vertical={false} />
            <XAxis dataKey="month" tickFormatter={(m: string) => formatPeriod(m, 'month', locale, 'short')} tick={tick} tickLine={false} axisLine={{ stroke: 'var(--border-strong)' }} minTickGap={8} />
            <YAxis
              allowDecimals={false}
              domain={[0, ticks[ticks.length - 1]]}
              ticks={ticks}
              tickFormatter={(v: number) => formatNumber(v, locale)}
              tick={tick}
              tickLine={false}
              axisLine={false}
              width={56}
              label={{ value: t.person.axisPeople, angle: -90, position: 'insideLeft', offset: 4, style: axisLabel }}
            />
            <Tooltip content={renderTooltip} />
            <Legend verticalAlign="top" align="right" height={26} iconSize={10} wrapperStyle={{ fontSize: 13 }} />
            <Line dataKey="reach" name={t.influence.reach} stroke={colours.first} strokeWidth={2.5} dot={{ r: 3, fill: colours.first }} isAnimationActive={false} />
            <Line dataKey="responders" name={t.influence.responders} stroke={colours.second} strokeWidth={2.5} dot={{ r: 3, fill: colours.second }} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** People reached per department, largest first, as horizontal bars. */
export function DepartmentsReachedChart({ rows }: { rows: Array<{ department: string; people: number }> }) {
  const { t, locale } = useI18n();
  const ticks = niceTicks(Math.max(0, ...rows.map((r) => r.people)));
  const height = 48 + rows.length * 28;

  const renderTooltip = ({ active, payload }: TooltipContentProps) => {
    const item = active ? (payload?.[0]?.payload as { department: string; people: number } | undefined) : undefined;
    if (!item) return null;
    return (
      <div className="chart-tooltip">
        <strong>{item.department}</strong>
        <dl>
          <dt>{t.person.axisPeople}</dt>
          <dd>{formatNumber(item.people, locale)}</dd>
        </dl>
      </div>
    );
  };

  return (
    <figure className="chart" aria-label={t.person.departmentsTitle} data-testid="departments-chart">
      <figcaption>
        <h2>{t.person.departmentsTitle}</h2>
        <p className="muted">{t.person.departmentsText}</p>
      </figcaption>
      {rows.length === 0 ? (
        <p className="muted">{t.person.departmentsNone}</p>
      ) : (
        <div className="chart-frame" style={{ minHeight: height }}>
          <ResponsiveContainer width="100%" height={height}>
            <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 24, left: 8 }}>
              <CartesianGrid stroke="var(--grid)" horizontal={false} />
              <XAxis
                type="number"
                domain={[0, ticks[ticks.length - 1]]}
                ticks={ticks}
                allowDecimals={false}
                tickFormatter={(v: number) => formatNumber(v, locale)}
                tick={tick}
                tickLine={false}
                axisLine={{ stroke: 'var(--border-strong)' }}
                label={{ value: t.person.axisPeople, position: 'insideBottom', offset: -14, style: axisLabel }}
              />
              <YAxis type="category" dataKey="department" width={170} tick={tick} tickLine={false} axisLine={false} interval={0} />
              <Tooltip content={renderTooltip} cursor={{ fill: 'var(--hover)' }} />
              <Bar dataKey="people" name={t.person.axisPeople} fill={colours.first} radius={[0, 3, 3, 0]} maxBarSize={20} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}

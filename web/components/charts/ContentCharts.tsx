// Content charts: the format mix (posts and engagement per post per format), the question effect
// (questions against other posts), the voice share per month (employees against official
// accounts) and the syndicated posts against the others. recharts, locale-formatted.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import type { ContentSummaryRow, FormatItem, QuestionFigures, VoiceShare } from '../../lib/content-queries';
import { useDefinitions } from '../../lib/definitions';
import { formatDecimal, formatNumber, formatPercent, formatPeriod } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useContentMessages } from '../../lib/messages/content';
import { niceTicks } from '../../lib/ticks';
import { InfoTip } from '../common/InfoTip';

const tick = { fontSize: 12, fill: 'var(--text-muted)' };
const axisLabel = { fill: 'var(--text-muted)', fontSize: 12, textAnchor: 'middle' as const };

export function FormatMixChart({ items }: { items: FormatItem[] }) {
  const { locale } = useI18n();
  const m = useContentMessages().formats;
  const data = items.map((i) => ({ ...i, name: m.names[i.format] ?? i.format }));
  const postTicks = niceTicks(Math.max(1, ...items.map((i) => i.posts)));
  const perPostTicks = niceTicks(Math.max(1, ...items.map((i) => i.engagementPerPost)));

  const renderTooltip = ({ active, payload }: TooltipContentProps) => {
    const item = active ? (payload?.[0]?.payload as (FormatItem & { name: string }) | undefined) : undefined;
    if (!item) return null;
    return (
      <div className="chart-tooltip">
        <strong>{item.name}</strong>
        <dl>
          <dt>{m.posts}</dt>
          <dd>{formatNumber(item.posts, locale)}</dd>
          <dt>{m.share}</dt>
          <dd>{formatPercent(item.share, locale)}</dd>
          <dt>{m.engagementPerPost}</dt>
          <dd>{formatDecimal(item.engagementPerPost, locale, 1)}</dd>
          <dt>{m.rate}</dt>
          <dd>{formatPercent(item.engagementRate, locale)}</dd>
        </dl>
      </div>
    );
  };

  return (
    <div className="chart-frame small-frame">
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="var(--grid)" vertical={false} />
          <XAxis dataKey="name" tick={tick} tickLine={false} axisLine={{ stroke: 'var(--border-strong)' }} interval={0} />
          <YAxis
            yAxisId="posts"
            domain={[0, postTicks[postTicks.length - 1]]}
            ticks={postTicks}
            tickFormatter={(v: number) => formatNumber(v, locale)}
            tick={tick}
            tickLine={false}
            axisLine={false}
            width={56}
            label={{ value: m.posts, angle: -90, position: 'insideLeft', offset: 4, style: axisLabel }}
          />
          <YAxis
            yAxisId="perPost"
            orientation="right"
            domain={[0, perPostTicks[perPostTicks.length - 1]]}
            ticks={perPostTicks}
            tickFormatter={(v: number) => formatNumber(v, locale)}
            tick={tick}
            tickLine={false}
            axisLine={false}
            width={56}
            label={{ value: m.engagementPerPost, angle: 90, position: 'insideRight', offset: 4, style: axisLabel }}
          />
          <Tooltip content={renderTooltip} cursor={{ fill: 'var(--hover)' }} />
          <Legend verticalAlign="top" align="right" height={26} iconSize={10} wrapperStyle={{ fontSize: 13 }} />
          <Bar yAxisId="posts" dataKey="posts" name={m.posts} fill="var(--chart-1)" radius={[3, 3, 0, 0]} maxBarSize={44} isAnimationActive={false} />
          <Scatter yAxisId="perPost" dataKey="engagementPerPost" name={m.engagementPerPost} fill="var(--chart-2)" isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

export function QuestionComparison({ figures }: { figures: QuestionFigures }) {
  const { t, locale } = useI18n();
  const define = useDefinitions();
  const m = useContentMessages().questions;
  const { questions, others, effect } = figures;
  const hours = (v: number | null) => (v === null ? '–' : `${formatDecimal(v, locale, 1)} h`);
  const rows: { label: string; key?: 'answerRate' | 'medianHoursToFirstResponse'; q: string; o: string }[] = [
    { label: m.posts, q: formatNumber(questions.posts, locale), o: formatNumber(others.posts, locale) },
    { label: m.commentsPerPost, q: formatDecimal(questions.commentsPerPost, locale, 2), o: formatDecimal(others.commentsPerPost, locale, 2) },
    { label: m.answerRate, key: 'answerRate', q: formatPercent(questions.answerRate, locale), o: formatPercent(others.answerRate, locale) },
    { label: m.medianHours, key: 'medianHoursToFirstResponse', q: hours(questions.medianHoursToFirstResponse), o: hours(others.medianHoursToFirstResponse) },
  ];
  const misdated = questions.misdatedReplies + others.misdatedReplies;
  return (
    <div className="question-effect">
      <p className="effect-line" data-testid="question-effect" data-value={effect ?? ''}>
        <span className="effect-label">
          {m.effect}
          <InfoTip text={define('questionEffect')} label={`${t.metrics.info}: ${m.effect}`} />
        </span>
        <strong className="effect-value">{effect === null ? '–' : `× ${formatDecimal(effect, locale, 2)}`}</strong>
        <span className="muted small">{effect === null ? m.noEffect : m.effectText(formatDecimal(effect, locale, 1))}</span>
      </p>
      <table className="funnel-table">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col" className="num">
              {m.questions}
            </th>
            <th scope="col" className="num">
              {m.others}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">
                <span className="th-inner">
                  {r.label}
                  {r.key ? <InfoTip native text={define(r.key)} label={`${t.metrics.info}: ${r.label}`} /> : null}
                </span>
              </th>
              <td className="num">
                <strong>{r.q}</strong>
              </td>
              <td className="num">{r.o}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {misdated > 0 ? <p className="muted small">{m.misdated(formatNumber(misdated, locale))}</p> : null}
    </div>
  );
}

export function VoiceShareChart({ data }: { data: VoiceShare }) {
  const { locale } = useI18n();
  const m = useContentMessages().voice;
  const max = Math.max(1, ...data.items.map((i) => i.employeeEngagement + i.officialEngagement));
  const ticks = niceTicks(max);

  const renderTooltip = ({ active, payload }: TooltipContentProps) => {
    const item = active ? (payload?.[0]?.payload as VoiceShare['items'][number] | undefined) : undefined;
    if (!item) return null;
    return (
      <div className="chart-tooltip">
        <strong>{formatPeriod(item.period, data.grain, locale)}</strong>
        <dl>
          <dt>{m.employee}</dt>
          <dd>{formatNumber(item.employeeEngagement, locale)}</dd>
          <dt>{m.official}</dt>
          <dd>{formatNumber(item.officialEngagement, locale)}</dd>
          <dt>{m.share}</dt>
          <dd>{formatPercent(item.employeeShare, locale)}</dd>
        </dl>
      </div>
    );
  };

  return (
    <>
      <div className="chart-frame small-frame">
        <ResponsiveContainer width="100%" height={260}>
          <ComposedChart data={data.items} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
            <CartesianGrid stroke="var(--grid)" vertical={false} />
            <XAxis dataKey="period" tickFormatter={(p: string) => formatPeriod(p, data.grain, locale, 'short')} tick={tick} tickLine={false} axisLine={{ stroke: 'var(--border-strong)' }} minTickGap={8} />
            <YAxis
              yAxisId="n"
              domain={[0, ticks[ticks.length - 1]]}
              ticks={ticks}
              tickFormatter={(v: number) => formatNumber(v, locale)}
              tick={tick}
              tickLine={false}
              axisLine={false}
              width={56}
              label={{ value: m.axisEngagement, angle: -90, position: 'insideLeft', offset: 4, style: axisLabel }}
            />
            <YAxis
              yAxisId="share"
              orientation="right"
              domain={[0, 1]}
              ticks={[0, 0.25, 0.5, 0.75, 1]}
              tickFormatter={(v: number) => formatPercent(v, locale, 0)}
              tick={tick}
              tickLine={false}
              axisLine={false}
              width={56}
              label={{ value: m.axisShare, angle: 90, position: 'insideRight', offset: 4, style: axisLabel }}
            />
            <Tooltip content={renderTooltip} cursor={{ fill: 'var(--hover)' }} />
            <Legend verticalAlign="top" align="right" height={26} iconSize={10} wrapperStyle={{ fontSize: 13 }} />
            <Bar yAxisId="n" dataKey="employeeEngagement" stackId="voice" name={m.employee} fill="var(--chart-1)" maxBarSize={40} isAnimationActive={false} />
            <Bar yAxisId="n" dataKey="officialEngagement" stackId="voice" name={m.official} fill="#a9bfd6" radius={[3, 3, 0, 0]} maxBarSize={40} isAnimationActive={false} />
            <Line yAxisId="share" dataKey="employeeShare" name={m.share} stroke="var(--chart-2)" strokeWidth={2.5} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      {data.current ? (
        <p className="muted small" data-testid="voice-share-total" data-value={data.current.employeeShare ?? ''}>
          {m.share}: <strong>{formatPercent(data.current.employeeShare, locale)}</strong> ·{' '}
          {m.perPost(formatDecimal(data.current.employeeEngagementPerPost, locale, 1), formatDecimal(data.current.officialEngagementPerPost, locale, 1))}
        </p>
      ) : null}
    </>
  );
}

export function SyndicatedComparison({ syndicated, others }: { syndicated: ContentSummaryRow; others: ContentSummaryRow }) {
  const { t, locale } = useI18n();
  const define = useDefinitions();
  const m = useContentMessages();
  const rows: { label: string; key: 'posts' | 'engagementPerPost' | 'engagementRate'; s: string; o: string }[] = [
    { label: m.kpi.posts, key: 'posts', s: formatNumber(syndicated.posts, locale), o: formatNumber(others.posts, locale) },
    { label: m.col.engagementPerPost, key: 'engagementPerPost', s: formatDecimal(syndicated.engagementPerPost, locale, 1), o: formatDecimal(others.engagementPerPost, locale, 1) },
    { label: m.col.engagementRate, key: 'engagementRate', s: formatPercent(syndicated.engagementRate, locale), o: formatPercent(others.engagementRate, locale) },
  ];
  return (
    <table className="funnel-table" data-testid="syndicated-comparison">
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col" className="num">
            {m.syndicated.syndicated}
          </th>
          <th scope="col" className="num">
            {m.syndicated.others}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">
              <span className="th-inner">
                {r.label}
                <InfoTip native text={define(r.key)} label={`${t.metrics.info}: ${r.label}`} />
              </span>
            </th>
            <td className="num">
              <strong>{r.s}</strong>
            </td>
            <td className="num">{r.o}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// Participation: the funnel (headcount ▸ visitors ▸ reactors ▸ commenters ▸ creators) as bars
// with the figures next to them, and the Lorenz curve of content per active person with the
// line of equality, the Gini coefficient and the top 1 % / 10 % shares.
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import type { FunnelStep, ParticipationFigures } from '../../lib/adoption-queries';
import { useDefinitions, type DefinitionKey } from '../../lib/definitions';
import { formatDecimal, formatNumber, formatPercent } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useAdoptionMessages } from '../../lib/messages/adoption';
import { niceTicks } from '../../lib/ticks';
import { InfoTip } from '../common/InfoTip';

const tick = { fontSize: 12, fill: 'var(--text-muted)' };
const axisLabel = { fill: 'var(--text-muted)', fontSize: 12, textAnchor: 'middle' as const };
const stepDefinition: Record<FunnelStep['step'], DefinitionKey> = {
  headcount: 'headcount',
  visitors: 'visitors',
  reactors: 'reactors',
  commenters: 'commenters',
  creators: 'funnelCreators',
};

export function ParticipationFunnel({ funnel }: { funnel: FunnelStep[] }) {
  const { t, locale } = useI18n();
  const define = useDefinitions();
  const m = useAdoptionMessages().funnel;
  const data = funnel.map((s) => ({ ...s, name: m.steps[s.step] }));
  const ticks = niceTicks(Math.max(1, ...funnel.map((s) => s.people)));

  return (
    <div className="funnel">
      <div className="chart-frame small-frame" aria-hidden="true">
        <ResponsiveContainer width="100%" height={230}>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 56, bottom: 20, left: 8 }}>
            <CartesianGrid stroke="var(--grid)" horizontal={false} />
            <XAxis
              type="number"
              domain={[0, ticks[ticks.length - 1]]}
              ticks={ticks}
              tickFormatter={(v: number) => formatNumber(v, locale)}
              tick={tick}
              tickLine={false}
              axisLine={{ stroke: 'var(--border-strong)' }}
              label={{ value: m.axis, position: 'insideBottom', offset: -12, style: axisLabel }}
            />
            <YAxis type="category" dataKey="name" width={118} tick={tick} tickLine={false} axisLine={false} />
            <Bar dataKey="people" fill="var(--chart-1)" radius={[0, 3, 3, 0]} maxBarSize={30} isAnimationActive={false}>
              <LabelList dataKey="people" position="right" formatter={(v: unknown) => formatNumber(Number(v), locale)} style={{ fontSize: 12, fill: 'var(--text)' }} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="funnel-table">
        <tbody>
          {funnel.map((s) => (
            <tr key={s.step}>
              <th scope="row">
                <span className="th-inner">
                  {m.steps[s.step]}
                  <InfoTip native text={define(stepDefinition[s.step])} label={`${t.metrics.info}: ${m.steps[s.step]}`} />
                </span>
              </th>
              <td className="num" data-testid={`funnel-${s.step}`} data-value={s.people}>
                <strong>{formatNumber(s.people, locale)}</strong>
              </td>
              <td className="funnel-share">
                {s.step === 'headcount' ? null : (
                  <>
                    {formatPercent(s.shareOfHeadcount, locale)} {m.ofHeadcount}
                    {s.shareOfPreviousStep === null ? null : <span className="muted small"> · {m.ofPrevious(formatPercent(s.shareOfPreviousStep, locale))}</span>}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function LorenzCurve({ figures }: { figures: ParticipationFigures }) {
  const { t, locale } = useI18n();
  const define = useDefinitions();
  const m = useAdoptionMessages().lorenz;
  const { inequality, lorenz } = figures;
  const equality = [
    { people: 0, content: 0 },
    { people: 1, content: 1 },
  ];
  const percentTicks = [0, 0.25, 0.5, 0.75, 1];

  const renderTooltip = ({ active, payload }: TooltipContentProps) => {
    const point = active ? ((payload?.find((p) => p.name === m.curve) ?? payload?.[0])?.payload as { people: number; content: number } | undefined) : undefined;
    if (!point) return null;
    return <div className="chart-tooltip">{m.point(formatPercent(point.people, locale, 0), formatPercent(point.content, locale))}</div>;
  };

  const facts: { key: DefinitionKey; label: string; value: string; raw: number | null; note?: string; testId: string }[] = [
    { key: 'gini', label: m.gini, value: formatDecimal(inequality.gini, locale, 2), raw: inequality.gini, testId: 'gini' },
    {
      key: 'top1PercentShare',
      label: m.top1,
      value: formatPercent(inequality.top1PercentShare, locale),
      raw: inequality.top1PercentShare,
      note: inequality.top1PercentPeople === null ? undefined : m.topPeople(inequality.top1PercentPeople, formatNumber(inequality.top1PercentPeople, locale)),
      testId: 'top1-share',
    },
    {
      key: 'top10PercentShare',
      label: m.top10,
      value: formatPercent(inequality.top10PercentShare, locale),
      raw: inequality.top10PercentShare,
      note: inequality.top10PercentPeople === null ? undefined : m.topPeople(inequality.top10PercentPeople, formatNumber(inequality.top10PercentPeople, locale)),
      testId: 'top10-share',
    },
  ];

  return (
    <div className="lorenz">
      <dl className="inequality-facts">
        {facts.map((f) => (
          <div key={f.key}>
            <dt>
              {f.label}
              <InfoTip text={define(f.key)} label={`${t.metrics.info}: ${f.label}`} />
            </dt>
            <dd data-testid={f.testId} data-value={f.raw ?? ''}>
              {f.value}
              {f.note ? <span className="muted small"> · {f.note}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
      <div className="chart-frame small-frame">
        <ResponsiveContainer width="100%" height={260}>
          <LineChart margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
            <CartesianGrid stroke="var(--grid)" />
            <XAxis
              type="number"
              dataKey="people"
              domain={[0, 1]}
              ticks={percentTicks}
              tickFormatter={(v: number) => formatPercent(v, locale, 0)}
              tick={tick}
              tickLine={false}
              axisLine={{ stroke: 'var(--border-strong)' }}
              label={{ value: m.axisPeople, position: 'insideBottom', offset: -14, style: axisLabel }}
            />
            <YAxis
              type="number"
              domain={[0, 1]}
              ticks={percentTicks}
              tickFormatter={(v: number) => formatPercent(v, locale, 0)}
              tick={tick}
              tickLine={false}
              axisLine={false}
              width={56}
              label={{ value: m.axisContent, angle: -90, position: 'insideLeft', offset: 4, style: axisLabel }}
            />
            <Tooltip content={renderTooltip} />
            <Legend verticalAlign="top" align="right" height={26} iconSize={10} wrapperStyle={{ fontSize: 13 }} />
            <Line data={equality} dataKey="content" name={m.equality} stroke="var(--border-strong)" strokeDasharray="5 4" dot={false} isAnimationActive={false} />
            <Line data={lorenz} dataKey="content" name={m.curve} stroke="var(--chart-2)" strokeWidth={2.5} dot={lorenz.length <= 21 ? { r: 2.5 } : false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}

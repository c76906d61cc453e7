// The pilot group's coverage curve: colleagues reached against group size, for the optimised
// choice (the greedy prefix, in pick order) and the top N by influence score. Left axis people,
// tooltip with both figures and their share of the population.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { formatNumber, formatPercent } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { de, en } from '../../lib/messages/pilot';
import { niceTicks } from '../../lib/ticks';

const colours = { optimised: 'var(--chart-1)', baseline: 'var(--chart-2)' };

interface Point {
  size: number;
  optimised: number;
  baseline: number | null;
}

export function CoverageChart({ curve, population }: { curve: Point[]; population: number }) {
  const { lang, locale } = useI18n();
  const m = lang === 'de' ? de : en;
  const ticks = niceTicks(Math.max(0, ...curve.map((p) => Math.max(p.optimised, p.baseline ?? 0))));

  const renderTooltip = ({ active, payload }: TooltipContentProps) => {
    const point = active ? (payload?.[0]?.payload as Point | undefined) : undefined;
    if (!point) return null;
    const share = (n: number) => formatPercent(population === 0 ? 0 : n / population, locale);
    return (
      <div className="chart-tooltip">
        <strong>{m.sizeValue(formatNumber(point.size, locale))}</strong>
        <dl>
          <dt>{m.optimised}</dt>
          <dd>
            {formatNumber(point.optimised, locale)} ({share(point.optimised)})
          </dd>
          {point.baseline !== null ? (
            <>
              <dt>{m.baseline}</dt>
              <dd>
                {formatNumber(point.baseline, locale)} ({share(point.baseline)})
              </dd>
            </>
          ) : null}
        </dl>
      </div>
    );
  };

  return (
    <figure className="chart" aria-label={m.curve} data-testid="coverage-chart">
      <figcaption>
        <h2>{m.curve}</h2>
        <p className="muted">{m.curveIntro}</p>
      </figcaption>
      <div className="chart-frame">
        <ResponsiveContainer width="100%" height={300}>
          <LineChart data={curve} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
            <CartesianGrid stroke="var(--grid)" vertical={false} />
            <XAxis
              dataKey="size"
              type="number"
              domain={[1, Math.max(1, curve.length)]}
              allowDecimals={false}
              tickFormatter={(v: number) => formatNumber(v, locale)}
              tick={{ fontSize: 12, fill: 'var(--text-muted)' }}
              tickLine={false}
              axisLine={{ stroke: 'var(--border-strong)' }}
              label={{ value: m.axisSize, position: 'insideBottom', offset: -16, style: { fill: 'var(--text-muted)', fontSize: 12 } }}
            />
            <YAxis
              domain={[0, ticks[ticks.length - 1]]}
              ticks={ticks}
              allowDecimals={false}
              tickFormatter={(v: number) => formatNumber(v, locale)}
              tick={{ fontSize: 12, fill: 'var(--text-muted)' }}
              tickLine={false}
              axisLine={false}
              width={64}
              label={{ value: m.axisReached, angle: -90, position: 'insideLeft', offset: 4, style: { textAnchor: 'middle', fill: 'var(--text-muted)', fontSize: 12 } }}
            />
            <Tooltip content={renderTooltip} />
            <Legend verticalAlign="top" align="right" height={28} iconSize={10} wrapperStyle={{ fontSize: 13 }} />
            <Line dataKey="optimised" name={m.optimised} stroke={colours.optimised} strokeWidth={2.5} dot={curve.length > 40 ? false : { r: 3, fill: colours.optimised }} isAnimationActive={false} />
            <Line dataKey="baseline" name={m.baseline} stroke={colours.baseline} strokeWidth={2} strokeDasharray="5 4" dot={false} connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

// Adoption over time: active users as bars (left axis, people), adoption rate as a line
// (right axis, percent of headcount). Ticks and tooltip use the chosen locale.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { formatNumber, formatPercent, formatPeriod } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { AdoptionItem, Grain } from '../../lib/queries';
import { niceTicks } from '../../lib/ticks';

const colours = { bars: 'var(--chart-1)', line: 'var(--chart-2)' };

export function AdoptionChart({ items, grain, title }: { items: AdoptionItem[]; grain: Grain; title?: string }) {
  const { t, locale } = useI18n();
  const heading = title ?? t.chart.titleByGrain[grain];
  const countTicks = niceTicks(Math.max(0, ...items.map((i) => i.activeUsers)));

  const renderTooltip = ({ active, payload }: TooltipContentProps) => {
    const item = active ? (payload?.[0]?.payload as AdoptionItem | undefined) : undefined;
    if (!item) return null;
    return (
      <div className="chart-tooltip">
        <strong>{formatPeriod(item.period, grain, locale)}</strong>
        <dl>
          <dt>{t.metrics.activeUsers}</dt>
          <dd>{formatNumber(item.activeUsers, locale)}</dd>
          <dt>{t.metrics.adoptionRate}</dt>
          <dd>{formatPercent(item.adoptionRate, locale)}</dd>
          <dt>{t.metrics.headcount}</dt>
          <dd>{formatNumber(item.headcount, locale)}</dd>
          <dt>{t.metrics.contributors}</dt>
          <dd>{formatNumber(item.contributors, locale)}</dd>
        </dl>
      </div>
    );
  };

  return (
    <figure className="chart" aria-label={heading}>
      <figcaption>
        <h2>{heading}</h2>
        <p className="muted">{t.chart.description}</p>
      </figcaption>
      <div className="chart-frame">
        <ResponsiveContainer width="100%" height={320}>
          <ComposedChart data={items} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid stroke="var(--grid)" vertical={false} />
            <XAxis
              dataKey="period"
              tickFormatter={(p: string) => formatPeriod(p, grain, locale, 'short')}
              tick={{ fontSize: 12, fill: 'var(--text-muted)' }}
              tickLine={false}
              axisLine={{ stroke: 'var(--border-strong)' }}
              minTickGap={12}
            />
            <YAxis
              yAxisId="count"
              allowDecimals={false}
              domain={[0, countTicks[countTicks.length - 1]]}
              ticks={countTicks}
              tickFormatter={(v: number) => formatNumber(v, locale)}
              tick={{ fontSize: 12, fill: 'var(--text-muted)' }}
              tickLine={false}
              axisLine={false}
              width={64}
              label={{ value: t.chart.axisActive, angle: -90, position: 'insideLeft', offset: 4, style: { textAnchor: 'middle', fill: 'var(--text-muted)', fontSize: 12 } }}
            />
            <YAxis
              yAxisId="rate"
              orientation="right"
              domain={[0, 1]}
              ticks={[0, 0.25, 0.5, 0.75, 1]}
              tickFormatter={(v: number) => formatPercent(v, locale, 0)}
              tick={{ fontSize: 12, fill: 'var(--text-muted)' }}
              tickLine={false}
              axisLine={false}
              width={64}
              label={{ value: t.chart.axisRate, angle: 90, position: 'insideRight', offset: 4, style: { textAnchor: 'middle', fill: 'var(--text-muted)', fontSize: 12 } }}
            />
            <Tooltip content={renderTooltip} cursor={{ fill: 'var(--hover)' }} />
            <Legend verticalAlign="top" align="right" height={28} iconSize={10} wrapperStyle={{ fontSize: 13 }} />
            <Bar yAxisId="count" dataKey="activeUsers" name={t.metrics.activeUsers} fill={colours.bars} radius={[3, 3, 0, 0]} maxBarSize={48} isAnimationActive={false} />
            <Line
              yAxisId="rate"
              dataKey="adoptionRate"
              name={t.metrics.adoptionRate}
              stroke={colours.line}
              strokeWidth={2.5}
              dot={items.length > 60 ? false : { r: 3, fill: colours.line }}
              type="linear"
              connectNulls
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

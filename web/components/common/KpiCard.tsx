// One key figure: label with definition, the value, and its change against the previous period.
import { formatNumber, formatPercent, formatSignedNumber, formatSignedPoints } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { InfoTip } from './InfoTip';

export type MetricKey = 'activeUsers' | 'adoptionRate' | 'stickiness' | 'contributors' | 'creators' | 'headcount';

interface Props {
  metric: MetricKey;
  label: string;
  kind: 'count' | 'rate';
  value: number | null;
  /** Value of the previous period; undefined when there is no previous period. */
  previous?: number | null;
  previousLabel?: string;
  /** Whether a rise is good news (green) or just a change (neutral, e.g. headcount). */
  polarity?: 'higher-is-better' | 'neutral';
}

export function KpiCard({ metric, label, kind, value, previous, previousLabel, polarity = 'higher-is-better' }: Props) {
  const { t, locale } = useI18n();
  const formatted = kind === 'rate' ? formatPercent(value, locale) : formatNumber(value, locale);

  let change: { text: string; direction: 'up' | 'down' | 'flat' } | null = null;
  if (previous !== undefined && previous !== null && value !== null) {
    if (kind === 'rate') {
      const points = Math.round((value - previous) * 1000) / 10;
      change = { text: `${formatSignedPoints(value - previous, locale)} ${t.kpi.pp}`, direction: points > 0 ? 'up' : points < 0 ? 'down' : 'flat' };
    } else {
      const delta = value - previous;
      change = { text: formatSignedNumber(delta, locale), direction: delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat' };
    }
  }
  const tone = !change || change.direction === 'flat' || polarity === 'neutral' ? 'neutral' : change.direction === 'up' ? 'good' : 'bad';

  return (
    <article className="kpi-card" aria-labelledby={`kpi-label-${metric}`}>
      <header className="kpi-head">
        <h3 id={`kpi-label-${metric}`}>{label}</h3>
        <InfoTip text={t.metrics.def[metric]} label={`${t.metrics.info}: ${label}`} />
      </header>
      <p className="kpi-value" data-testid={`kpi-${metric}`} data-value={value === null ? '' : String(value)}>
        {formatted}
      </p>
      <p className={`kpi-change tone-${tone}`} data-testid={`kpi-change-${metric}`}>
        {previous === undefined ? (
          <span className="muted">{t.kpi.noPrevious}</span>
        ) : change === null ? (
          <span className="muted">–</span>
        ) : change.direction === 'flat' ? (
          <>
            <span aria-hidden="true">→ </span>
            {t.kpi.unchanged} {previousLabel ? <span className="muted">{t.kpi.vsPrevious(previousLabel)}</span> : null}
          </>
        ) : (
          <>
            <span aria-hidden="true">{change.direction === 'up' ? '▲' : '▼'} </span>
            <span className="sr-only">{change.direction === 'up' ? t.kpi.up : t.kpi.down} </span>
            <strong>{change.text}</strong> {previousLabel ? <span className="muted">{t.kpi.vsPrevious(previousLabel)}</span> : null}
          </>
        )}
      </p>
    </article>
  );
}

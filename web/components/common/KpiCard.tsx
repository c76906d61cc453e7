// One key figure: label with definition, the value, and its change against the previous period.
import { useDefinitions, type DefinitionKey } from '../../lib/definitions';
import { formatDecimal, formatNumber, formatPercent, formatSignedNumber, formatSignedPoints } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { InfoTip } from './InfoTip';

export type MetricKey = DefinitionKey;

interface Props {
  metric: MetricKey;
  label: string;
  /** count: whole numbers; rate: 0..1 as percent (change in points); decimal: 2 digits; hours: 1 digit with "h". */
  kind: 'count' | 'rate' | 'decimal' | 'hours';
  value: number | null;
  /** Value of the previous period; undefined when there is no previous period. */
  previous?: number | null;
  previousLabel?: string;
  /** Whether a rise is good news (green), bad news (e.g. time to answer) or just a change (neutral, e.g. headcount). */
  polarity?: 'higher-is-better' | 'lower-is-better' | 'neutral';
  /** data-testid suffix (kpi-<testId>); the metric by default. */
  testId?: string;
}

export function KpiCard({ metric, label, kind, value, previous, previousLabel, polarity = 'higher-is-better', testId = metric }: Props) {
  const { t, locale } = useI18n();
  const define = useDefinitions();
  const formatted =
    kind === 'rate' ? formatPercent(value, locale) : kind === 'decimal' ? formatDecimal(value, locale, 2) : kind === 'hours' ? hours(value, locale) : formatNumber(value, locale);

  let change: { text: string; direction: 'up' | 'down' | 'flat' } | null = null;
  if (previous !== undefined && previous !== null && value !== null) {
    if (kind === 'rate') {
      const points = Math.round((value - previous) * 1000) / 10;
      change = { text: `${formatSignedPoints(value - previous, locale)} ${t.kpi.pp}`, direction: points > 0 ? 'up' : points < 0 ? 'down' : 'flat' };
    } else {
      const delta = kind === 'count' ? value - previous : Math.round((value - previous) * 100) / 100;
      const text = kind === 'hours' ? `${formatSignedNumber(Math.round(delta * 10) / 10, locale)} h` : formatSignedNumber(delta, locale);
      change = { text, direction: delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat' };
    }
  }
  const better = polarity === 'lower-is-better' ? 'down' : 'up';
  const tone = !change || change.direction === 'flat' || polarity === 'neutral' ? 'neutral' : change.direction === better ? 'good' : 'bad';

  return (
    <article className="kpi-card" aria-labelledby={`kpi-label-${testId}`}>
      <header className="kpi-head">
        <h3 id={`kpi-label-${testId}`}>{label}</h3>
        <InfoTip text={define(metric)} label={`${t.metrics.info}: ${label}`} />
      </header>
      <p className="kpi-value" data-testid={`kpi-${testId}`} data-value={value === null ? '' : String(value)}>
        {formatted}
      </p>
      <p className={`kpi-change tone-${tone}`} data-testid={`kpi-change-${testId}`}>
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

/** Hours with one decimal and a unit: "12,5 h" (de) / "12.5 h" (en). */
function hours(value: number | null, locale: string): string {
  return value === null ? '–' : `${formatDecimal(value, locale, 1)} h`;
}

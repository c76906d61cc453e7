import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n';
import { InfoTip } from './InfoTip';

/**
 * One figure as a card: label with definition, the formatted value, and a note below. `testId`
 * and `value` become data-testid and data-value, so tests compare the raw number.
 */
export function StatCard({ label, info, text, value, note, testId }: { label: string; info: string; text: string; value: number | null; note?: ReactNode; testId: string }) {
  const { t } = useI18n();
  return (
    <article className="kpi-card stat-card" aria-label={label}>
      <header className="kpi-head">
        <h3>{label}</h3>
        <InfoTip text={info} label={`${t.metrics.info}: ${label}`} />
      </header>
      <p className="kpi-value" data-testid={testId} data-value={value === null ? '' : String(value)}>
        {text}
      </p>
      {note ? <p className="kpi-change muted">{note}</p> : null}
    </article>
  );
}

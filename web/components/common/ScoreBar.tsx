import { formatDecimal } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

/** The influence score (0–1) as a short bar with its value. */
export function ScoreBar({ score }: { score: number }) {
  const { locale } = useI18n();
  const width = `${Math.max(0, Math.min(1, score)) * 100}%`;
  return (
    <span className="score">
      <span className="score-bar" aria-hidden="true">
        <span style={{ width }} />
      </span>
      <span className="score-value">{formatDecimal(score, locale, 3)}</span>
    </span>
  );
}

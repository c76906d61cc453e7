// Retention cohorts as a triangle: one row per month of first activity, one column per month
// after it; each cell the share of the cohort's employed people active in that month. Cohorts
// below the minimum group size show no figures.
import { formatNumber, formatPercent, formatPeriod } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { Cohorts } from '../../lib/adoption-queries';
import { useAdoptionMessages } from '../../lib/messages/adoption';
import { rateShade } from './AdoptionHeatTable';

export function CohortTriangle({ data }: { data: Cohorts }) {
  const { locale } = useI18n();
  const m = useAdoptionMessages().cohorts;
  const width = Math.max(0, ...data.items.map((i) => i.cells.length));
  const offsets = Array.from({ length: width }, (_, i) => i);
  const min = formatNumber(data.minGroupSize, locale);

  return (
    <div className="table-scroll">
      <table className="heat-table cohort-table" data-testid="cohort-table">
        <thead>
          <tr>
            <th scope="col">{m.cohort}</th>
            <th scope="col" className="num">
              {m.people}
            </th>
            {offsets.map((o) => (
              <th key={o} scope="col" className="num" title={m.offsetTitle(String(o))}>
                {m.offset(String(o))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.items.map((item) => {
            const cohort = formatPeriod(item.cohort, 'month', locale, 'short');
            return (
              <tr key={item.cohort}>
                <th scope="row">{formatPeriod(item.cohort, 'month', locale)}</th>
                <td className="num">{item.suppressed ? <span className="muted small">{m.suppressed(min)}</span> : formatNumber(item.people, locale)}</td>
                {offsets.map((o) => {
                  const c = item.cells.find((x) => x.offset === o);
                  if (!c) return <td key={o} className="heat-cell heat-blank" />;
                  if (item.suppressed || c.share === null) return <td key={o} className="heat-cell heat-suppressed">–</td>;
                  const label = m.cell(cohort, formatPeriod(c.month, 'month', locale), formatPercent(c.share, locale), formatNumber(c.active, locale), formatNumber(c.employed, locale));
                  return (
                    <td key={o} className="heat-cell" style={rateShade(c.share)} title={label} aria-label={label} data-testid={`cohort-${item.cohort}-${o}`} data-value={c.share}>
                      {formatPercent(c.share, locale, 0)}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

// Adoption rate per department and month as a heat table. Each month is folded by the minimum
// group size on its own (as the API does): a department below the minimum that month shows
// "in (other)" instead of figures, and "(other)" below the minimum shows no figures at all.
import { formatNumber, formatPercent, formatPeriod } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { BreakdownMonthCell, BreakdownMonths } from '../../lib/adoption-queries';
import { useAdoptionMessages } from '../../lib/messages/adoption';

/** Background of a rate cell: the accent colour, from faint (0 %) to full (100 %). */
export function rateShade(rate: number | null): { background?: string; color?: string } {
  if (rate === null) return {};
  const r = Math.max(0, Math.min(1, rate));
  return { background: `rgba(47, 93, 138, ${(0.06 + 0.9 * r).toFixed(3)})`, color: r > 0.55 ? '#fff' : undefined };
}

export function AdoptionHeatTable({ data }: { data: BreakdownMonths }) {
  const { locale } = useI18n();
  const m = useAdoptionMessages().heat;
  const min = formatNumber(data.minGroupSize, locale);

  const cell = (group: string, c: BreakdownMonthCell) => {
    const testId = `heat-${group}-${c.month}`;
    if (c.status === 'shown') {
      const label = m.cell(group, formatPeriod(c.month, 'month', locale), formatPercent(c.adoptionRate, locale), formatNumber(c.activeUsers, locale), formatNumber(c.headcount, locale));
      return (
        <td key={c.month} className="heat-cell" style={rateShade(c.adoptionRate)} title={label} aria-label={label} data-testid={testId} data-value={c.adoptionRate ?? ''}>
          {formatNumber(c.adoptionRate === null ? null : Math.round(c.adoptionRate * 100), locale)}
        </td>
      );
    }
    // Hatched and without figures; the legend below and the title say why.
    const [text, title] = c.status === 'other' ? [m.folded, m.foldedTitle(min)] : c.status === 'suppressed' ? [m.suppressed, m.suppressedTitle(min)] : [m.none, m.noneTitle];
    return (
      <td key={c.month} className={`heat-cell heat-${c.status}`} title={title} aria-label={`${group}, ${formatPeriod(c.month, 'month', locale)}: ${text}`} data-testid={testId} data-status={c.status}>
        <span aria-hidden="true">–</span>
      </td>
    );
  };

  const hatched = new Set(data.items.flatMap((i) => i.cells.map((c) => c.status)).filter((status) => status !== 'shown'));
  const legend: Record<string, string> = { other: m.foldedTitle(min), suppressed: m.suppressedTitle(min), none: m.noneTitle };

  return (
    <div className="table-scroll">
      <table className="heat-table" data-testid="heat-table">
        <thead>
          <tr>
            <th scope="col" className="num">
              {m.rank}
            </th>
            <th scope="col">{m.group}</th>
            <th scope="col" className="num heat-whole">
              {m.whole}
            </th>
            {data.months.map((month) => (
              <th key={month} scope="col" className="num">
                {formatPeriod(month, 'month', locale, 'short')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.items.map((item) => (
            <tr key={item.group}>
              <td className="num muted">{item.rank ?? ''}</td>
              <th scope="row">
                {item.group}
                {item.groups > 1 ? <span className="muted small"> · {m.otherGroups(formatNumber(item.groups, locale))}</span> : null}
              </th>
              {item.suppressed || item.adoptionRate === null ? (
                <td className="heat-cell heat-suppressed heat-whole" title={m.suppressedTitle(min)}>
                  {item.suppressed ? m.suppressed : '–'}
                </td>
              ) : (
                <td className="heat-cell heat-whole" style={rateShade(item.adoptionRate)} data-testid={`heat-${item.group}-period`} data-value={item.adoptionRate}>
                  {formatPercent(item.adoptionRate, locale, 0)}
                </td>
              )}
              {item.cells.map((c) => cell(item.group, c))}
            </tr>
          ))}
        </tbody>
      </table>
      {hatched.size > 0 ? (
        <p className="heat-legend muted small">
          <span className="heat-swatch heat-other" aria-hidden="true" /> {[...hatched].map((status) => legend[status]).join(' · ')}
        </p>
      ) : null}
    </div>
  );
}

// Department-to-department exchange as a heat table: rows are where interactions come from,
// columns where they go. Shading is relative to the largest exchange between two different
// departments, so the (usually much larger) diagonal does not wash out the rest; it is outlined.
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { DepartmentMatrix as Matrix } from '../../lib/queries';

/** Shade of a cell: 0 (none) to 1 (the largest off-diagonal exchange or more), square-root scaled. */
export function cellShade(weight: number, max: number): number {
  if (!(weight > 0) || !(max > 0)) return 0;
  return Math.min(1, Math.sqrt(weight / max));
}

export function DepartmentMatrix({ matrix, csvHref }: { matrix: Matrix; csvHref: string }) {
  const { t, locale } = useI18n();
  const cells = new Map(matrix.cells.map((c) => [`${c.from}\u0000${c.to}`, c]));
  const offDiagonal = matrix.cells.filter((c) => c.from !== c.to).map((c) => c.weight);
  const max = offDiagonal.length > 0 ? Math.max(...offDiagonal) : Math.max(0, ...matrix.cells.map((c) => c.weight));

  return (
    <section className="table-card matrix-card" aria-labelledby="matrix-title">
      <div className="table-toolbar">
        <h2 id="matrix-title">{t.network.matrixTitle}</h2>
        <span className="spacer" />
        <a className="button" href={csvHref} download title={t.network.matrixCsvTitle} data-testid="matrix-csv">
          <span aria-hidden="true">⤓ </span>
          {t.table.csv}
        </a>
      </div>
      <p className="table-note muted small">
        {t.network.matrixText} {t.network.matrixScale}
      </p>
      {matrix.departments.length === 0 ? (
        <p className="table-note muted">{t.network.matrixEmpty}</p>
      ) : (
        <div className="table-scroll">
          <table className="matrix" data-testid="department-matrix">
            <thead>
              <tr>
                <th scope="col" className="matrix-corner">
                  {t.network.matrixFrom}
                </th>
                {matrix.departments.map((d) => (
                  <th key={d} scope="col" className="matrix-col">
                    <span>{d}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.departments.map((from) => (
                <tr key={from}>
                  <th scope="row" className="matrix-row">
                    {from}
                  </th>
                  {matrix.departments.map((to) => {
                    const cell = cells.get(`${from}\u0000${to}`);
                    const weight = cell?.weight ?? 0;
                    const shade = cellShade(weight, max);
                    const label = t.network.matrixCell(from, to, formatNumber(weight, locale), formatNumber(cell?.ties ?? 0, locale));
                    return (
                      <td
                        key={to}
                        className={from === to ? 'matrix-cell diagonal' : 'matrix-cell'}
                        style={{ background: shade > 0 ? `rgba(47, 93, 138, ${(0.08 + 0.92 * shade).toFixed(3)})` : undefined, color: shade > 0.55 ? '#fff' : undefined }}
                        title={label}
                        aria-label={label}
                        data-weight={weight}
                      >
                        {weight > 0 ? formatNumber(weight, locale) : ''}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

// The pieces every TanStack table of the dashboard shares: a header cell that sorts on click and
// carries the column's definition as an info tip, and the previous/next pager.
import { flexRender, type Header, type Table } from '@tanstack/react-table';
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { InfoTip } from '../common/InfoTip';

/** What the header cell reads from a column's meta. */
interface HeaderMeta {
  numeric?: boolean;
  info?: string;
  label?: string;
}

/** A `<th>`: a sort button when the column can sort (with aria-sort), the info tip when the meta has one. */
export function HeaderCell<T>({ header, className }: { header: Header<T, unknown>; className?: string }) {
  const { t } = useI18n();
  const meta = header.column.columnDef.meta as HeaderMeta | undefined;
  const sorted = header.column.getIsSorted();
  const canSort = header.column.getCanSort();
  const classes = [meta?.numeric ? 'num' : '', className ?? ''].join(' ').trim();
  return (
    <th scope="col" className={classes || undefined} aria-sort={canSort ? (sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none') : undefined}>
      <span className="th-inner">
        {canSort ? (
          <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()} title={t.table.sortHint}>
            {flexRender(header.column.columnDef.header, header.getContext())}
            <span className="sort-mark" aria-hidden="true">
              {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
            </span>
          </button>
        ) : (
          flexRender(header.column.columnDef.header, header.getContext())
        )}
        {meta?.info ? <InfoTip native text={meta.info} label={`${t.metrics.info}: ${meta.label ?? header.column.id}`} /> : null}
      </span>
    </th>
  );
}

/** Previous / "page x of y" / next; nothing when the table fits on one page. */
export function Pager<T>({ table, nextTestId }: { table: Table<T>; nextTestId?: string }) {
  const { t, locale } = useI18n();
  const pages = table.getPageCount();
  if (pages <= 1) return null;
  const page = table.getState().pagination.pageIndex + 1;
  return (
    <nav className="pager" aria-label={t.table.pageOf(String(page), String(pages))}>
      <button type="button" className="button" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
        ← {t.table.prev}
      </button>
      <span>{t.table.pageOf(formatNumber(page, locale), formatNumber(pages, locale))}</span>
      <button type="button" className="button" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()} data-testid={nextTestId}>
        {t.table.next} →
      </button>
    </nav>
  );
}

// A small sortable TanStack table (v8 API) for short lists such as a person's ties and recent
// content. Those endpoints have no CSV variant, so the CSV button writes the rows it holds.
import { flexRender, getCoreRowModel, getPaginationRowModel, getSortedRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { useState, type ReactNode } from 'react';
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { HeaderCell, Pager } from './TableParts';

export interface DataColumnMeta {
  numeric?: boolean;
  info?: string;
  /** Heading text, also used in the CSV file. */
  label: string;
  /** Let the cell text wrap (names, titles). */
  wrap?: boolean;
}

/** Quotes a CSV field when it holds a separator, quote or line break. */
function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text (UTF-8 with BOM for spreadsheet programs) of rows under the given headings. */
export function toCsv(headings: string[], rows: unknown[][]): string {
  return '\ufeff' + [headings, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function download(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const cellClass = (meta: DataColumnMeta | undefined) => (meta?.numeric ? 'num' : meta?.wrap ? 'wrap' : undefined);

interface Props<T> {
  title: string;
  rows: T[];
  columns: ColumnDef<T>[];
  /** File name of the CSV download; no button without it. */
  csvName?: string;
  emptyText: string;
  pageSize?: number;
  testId?: string;
  /** Columns only in the CSV file (their content is shown inside another column). */
  csvOnly?: string[];
  /** More controls for the toolbar, e.g. a link to the server's own CSV. */
  actions?: ReactNode;
  /** A note below the toolbar. */
  note?: ReactNode;
}

export function DataTable<T>({ title, rows, columns, csvName, emptyText, pageSize = 20, testId, csvOnly = [], actions, note }: Props<T>) {
  const { t, locale } = useI18n();
  const [sorting, setSorting] = useState<SortingState>([]);
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    initialState: { pagination: { pageIndex: 0, pageSize }, columnVisibility: Object.fromEntries(csvOnly.map((id) => [id, false])) },
  });

  const exportCsv = () => {
    const leaf = table.getAllLeafColumns();
    const headings = leaf.map((c) => (c.columnDef.meta as DataColumnMeta | undefined)?.label ?? c.id);
    const data = table.getSortedRowModel().rows.map((row) => leaf.map((c) => row.getValue(c.id)));
    download(`${csvName}.csv`, toCsv(headings, data));
  };

  return (
    <section className="table-card" aria-label={title} data-testid={testId}>
      <div className="table-toolbar">
        <h2>{title}</h2>
        <span className="muted small">{t.table.rows(rows.length, formatNumber(rows.length, locale))}</span>
        <span className="spacer" />
        {actions}
        {csvName && rows.length > 0 ? (
          <button type="button" className="button" onClick={exportCsv} title={t.person.csvLocal}>
            <span aria-hidden="true">⤓ </span>
            {t.table.csv}
          </button>
        ) : null}
      </div>
      {note ? <p className="table-note muted small">{note}</p> : null}
      {rows.length === 0 ? (
        <p className="table-note muted">{emptyText}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table compact">
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => (
                    <HeaderCell key={header.id} header={header} />
                  ))}
                </tr>
              ))}
            </thead>
            <tbody>
              {table.getRowModel().rows.map((row) => (
                <tr key={row.id}>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={cellClass(cell.column.columnDef.meta as DataColumnMeta | undefined)}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager table={table} />
    </section>
  );
}

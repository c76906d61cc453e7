// Adoption figures per period as a TanStack table (v8 API): sortable by every column,
// filterable by period, paginated for long day series, with a CSV download of the same query.
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useId, useMemo, useState } from 'react';
import { useDefinitions } from '../../lib/definitions';
import { formatNumber, formatPercent, formatPeriod } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { partialCoverage } from '../../lib/periods';
import type { AdoptionItem, Grain } from '../../lib/queries';
import { HeaderCell, Pager } from './TableParts';

type MetricKey = Exclude<keyof AdoptionItem, 'period'>;
const metricColumns: { key: MetricKey; kind: 'count' | 'rate' }[] = [
  { key: 'activeUsers', kind: 'count' },
  { key: 'adoptionRate', kind: 'rate' },
  { key: 'stickiness', kind: 'rate' },
  { key: 'contributors', kind: 'count' },
  { key: 'creators', kind: 'count' },
  { key: 'headcount', kind: 'count' },
];

interface ColumnMeta {
  numeric?: boolean;
  info?: string;
  label?: string;
}

interface Props {
  items: AdoptionItem[];
  grain: Grain;
  title: string;
  csvHref: string;
  /** The range the API answered for, to mark partial first/last periods. */
  range: { from: string | null; to: string | null };
  pageSize?: number;
  /** Show the period filter box (useful for long day and week series). */
  filterable?: boolean;
}

export function AdoptionTable({ items, grain, title, csvHref, range, pageSize = 50, filterable = false }: Props) {
  const { t, locale } = useI18n();
  const define = useDefinitions();
  const filterId = useId();
  const [sorting, setSorting] = useState<SortingState>([]);
  const [globalFilter, setGlobalFilter] = useState('');

  const columns = useMemo<ColumnDef<AdoptionItem>[]>(
    () => [
      {
        id: 'period',
        accessorKey: 'period',
        header: () => t.metrics.period,
        cell: ({ row }) => {
          const partial = partialCoverage(row.original.period, grain, range.from, range.to);
          return (
            <span className="period-cell">
              {formatPeriod(row.original.period, grain, locale)}
              {partial ? (
                <span className="badge" title={t.table.partialTitle}>
                  {t.table.partialMark}
                </span>
              ) : null}
            </span>
          );
        },
      },
      ...metricColumns.map(
        ({ key, kind }): ColumnDef<AdoptionItem> => ({
          id: key,
          accessorKey: key,
          header: () => t.metrics[key],
          cell: ({ getValue }) => {
            const v = getValue<number | null>();
            return kind === 'rate' ? formatPercent(v, locale) : formatNumber(v, locale);
          },
          sortUndefined: 'last',
          meta: { numeric: true, info: define(key), label: t.metrics[key] },
        }),
      ),
    ],
    [t, locale, define, grain, range.from, range.to],
  );

  const table = useReactTable({
    data: items,
    columns,
    // Stickiness of a single day is not defined (the API sends null): hide the empty column.
    state: { sorting, globalFilter, columnVisibility: { stickiness: grain !== 'day' } },
    onSortingChange: setSorting,
    onGlobalFilterChange: setGlobalFilter,
    globalFilterFn: (row, _columnId, value: string) => {
      const needle = value.trim().toLowerCase();
      if (!needle) return true;
      const p = row.original.period;
      return p.toLowerCase().includes(needle) || formatPeriod(p, grain, locale).toLowerCase().includes(needle);
    },
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    initialState: { pagination: { pageIndex: 0, pageSize } },
    autoResetPageIndex: true,
  });

  const rowCount = table.getFilteredRowModel().rows.length;

  return (
    <section className="table-card" aria-label={title}>
      <div className="table-toolbar">
        <h2>{title}</h2>
        <span className="muted small">{t.table.rows(rowCount, formatNumber(rowCount, locale))}</span>
        <span className="spacer" />
        {filterable ? (
          <>
            <label htmlFor={filterId} className="sr-only">
              {t.table.filterLabel}
            </label>
            <input id={filterId} type="search" className="table-filter" placeholder={t.table.filter} value={globalFilter} onChange={(e) => setGlobalFilter(e.target.value)} />
          </>
        ) : null}
        <a className="button" href={csvHref} download title={t.table.csvTitle} data-testid="csv-link">
          <span aria-hidden="true">⤓ </span>
          {t.table.csv}
        </a>
      </div>
      <div className="table-scroll">
        <table className="data-table">
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
                {row.getVisibleCells().map((cell) => {
                  const numeric = (cell.column.columnDef.meta as ColumnMeta | undefined)?.numeric;
                  return (
                    <td key={cell.id} className={numeric ? 'num' : undefined}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  );
                })}
              </tr>
            ))}
            {rowCount === 0 ? (
              <tr>
                <td colSpan={columns.length} className="muted">
                  {t.table.noMatch}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <Pager table={table} />
    </section>
  );
}

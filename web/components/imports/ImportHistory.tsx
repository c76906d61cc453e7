// The import history (admins): every run, newest first, with its counts, its message when it
// failed, and a link to its rejected rows. The CSV button writes the table as shown.
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { importRejectsCsvHref, importsQuery, type ImportRun } from '../../lib/queries';
import { ErrorState, Loading } from '../common/States';
import { DataTable, type DataColumnMeta } from '../tables/DataTable';

/** An uploaded file is stored under the server's temporary folder; show its own name. */
export function displayPath(path: string, uploaded: string): string {
  const m = /chorus-upload-[^/\\]+[/\\](.+)$/.exec(path);
  return m ? `${m[1]} (${uploaded})` : path;
}

/** Drops the server's temporary upload folder from a message. */
const cleanMessage = (message: string | null) => (message ? message.replace(/\/?[^\s:]*chorus-upload-[^/\\\s]+[/\\]/g, '') : '');

export function ImportHistory({ timeZone }: { timeZone: string }) {
  const { t, locale } = useI18n();
  const d = t.pages.data;
  const h = d.history;
  const f = d.field;
  const names = d.tableNames as Record<string, string>;
  const runs = useQuery(importsQuery());

  const columns = useMemo<ColumnDef<ImportRun>[]>(() => {
    const num = (id: keyof ImportRun, label: string): ColumnDef<ImportRun> => ({
      id,
      accessorKey: id,
      header: label,
      meta: { label, numeric: true } satisfies DataColumnMeta,
      cell: (c) => formatNumber(c.getValue<number>(), locale),
    });
    return [
      num('runId', f.runId),
      {
        id: 'status',
        accessorFn: (r) => h.status[r.status] ?? r.status,
        header: f.status,
        meta: { label: f.status } satisfies DataColumnMeta,
        cell: (c) => {
          const status = c.row.original.status;
          return <span className={`badge ${status === 'ok' ? 'badge-ok' : status === 'failed' ? 'badge-bad' : 'badge-warn'}`}>{c.getValue<string>()}</span>;
        },
      },
      {
        id: 'startedAt',
        accessorKey: 'startedAt',
        header: f.startedAt,
        meta: { label: f.startedAt } satisfies DataColumnMeta,
        cell: (c) => formatDateTime(c.getValue<string>(), locale, timeZone),
      },
      { id: 'finishedAt', accessorKey: 'finishedAt', header: f.finishedAt, meta: { label: f.finishedAt } satisfies DataColumnMeta },
      { id: 'source', accessorKey: 'source', header: f.source, meta: { label: f.source } satisfies DataColumnMeta },
      {
        id: 'path',
        accessorFn: (r) => displayPath(r.path, h.uploaded),
        header: f.path,
        meta: { label: f.path, wrap: true } satisfies DataColumnMeta,
        cell: (c) => {
          const message = cleanMessage(c.row.original.message);
          return (
            <>
              <span className="history-path">{c.getValue<string>()}</span>
              <span className="cell-sub">{c.row.original.source}</span>
              {message ? <span className={`history-message${c.row.original.status === 'failed' ? ' tone-bad' : ''}`}>{message}</span> : null}
            </>
          );
        },
      },
      num('filesRead', f.filesRead),
      num('rowsRead', f.rowsRead),
      {
        id: 'loaded',
        accessorFn: (r) =>
          r.loaded === null
            ? ''
            : Object.entries(r.loaded)
                .filter(([, v]) => v > 0)
                .map(([k, v]) => `${names[k] ?? k} ${formatNumber(v, locale)}`)
                .join(' · ') || '0',
        header: f.loaded,
        meta: { label: f.loaded, wrap: true } satisfies DataColumnMeta,
        enableSorting: false,
        cell: (c) => c.getValue<string>() || '–',
      },
      num('duplicates', f.duplicates),
      {
        id: 'rejected',
        accessorKey: 'rejected',
        header: f.rejected,
        meta: { label: f.rejected, numeric: true } satisfies DataColumnMeta,
        cell: (c) => {
          const n = c.getValue<number>();
          if (n === 0) return formatNumber(0, locale);
          const run = c.row.original.runId;
          return (
            <span className="rejected-cell">
              <span className="tone-bad">{formatNumber(n, locale)}</span>
              <a href={importRejectsCsvHref(run)} download title={h.rejectsCsvTitle(String(run))} data-testid={`history-rejects-${run}`}>
                ⤓ {h.rejectsCsv}
              </a>
            </span>
          );
        },
      },
      num('placeholders', f.placeholders),
      { id: 'message', accessorFn: (r) => cleanMessage(r.message), header: f.message, meta: { label: f.message } satisfies DataColumnMeta },
    ];
  }, [f, h, names, locale, timeZone]);

  // Newest first (the API already sends them so; sorting here keeps it true for the table's own order).
  const rows = useMemo(() => [...(runs.data?.items ?? [])].sort((a, b) => b.runId - a.runId), [runs.data]);

  if (runs.isError) return <ErrorState error={runs.error} onRetry={() => runs.refetch()} />;
  if (runs.isPending) return <Loading lines={3} label={h.title} />;
  return (
    <DataTable
      title={h.title}
      rows={rows}
      columns={columns}
      csvName="chorus-import-history"
      csvOnly={['finishedAt', 'source', 'filesRead', 'placeholders', 'message']}
      emptyText={h.empty}
      pageSize={10}
      testId="import-history"
      note={runs.data.running ? <strong className="history-running">{h.running(runs.data.running)}</strong> : undefined}
    />
  );
}

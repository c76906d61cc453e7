// The answer of a finished upload: rows read, loaded per table, duplicates skipped, rejected
// rows (the first ones as a table, all of them as CSV from the server) and the importer's notes.
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { formatDecimal, formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { importRejectsCsvHref, type ImportReject, type ImportResult } from '../../lib/queries';
import { InfoTip } from '../common/InfoTip';
import { DataTable, type DataColumnMeta } from '../tables/DataTable';

const mainTables = ['people', 'content', 'events', 'interactions'] as const;
const otherTables = ['spaces', 'social', 'programmes'] as const;

export function ImportSummary({ fileName, result }: { fileName: string; result: ImportResult }) {
  const { t, locale } = useI18n();
  const u = t.pages.data.upload;
  const names = t.pages.data.tableNames;
  const loadedTotal = mainTables.reduce((n, k) => n + result.loaded[k], 0) + otherTables.reduce((n, k) => n + result.other[k], 0);
  const counts = (record: Record<string, number>, names: Record<string, string>) =>
    Object.entries(record)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${formatNumber(v, locale)} ${names[k] ?? k}`)
      .join(' · ');

  return (
    <div className="import-summary" data-testid="import-summary" data-run={result.runId}>
      <div className="summary-head">
        <span className="badge badge-ok">✓ {u.doneTitle}</span>
        <strong>{fileName}</strong>
        <span className="muted small">{u.doneMeta(formatNumber(result.runId, locale), formatDecimal(result.seconds, locale, 1), formatNumber(result.metrics.periods, locale))}</span>
      </div>

      <div className="summary-grid">
        <Figure label={u.read} value={result.read} testId="summary-read" />
        <Figure label={u.duplicates} value={result.duplicates} info={u.duplicatesDef} testId="summary-duplicates" />
        <Figure label={u.rejected} value={result.rejected} info={u.rejectedDef} testId="summary-rejected" tone={result.rejected > 0 ? 'bad' : undefined} />
        <Figure label={u.placeholders} value={result.placeholders} info={u.placeholdersDef} testId="summary-placeholders" />
      </div>

      <div className="summary-columns">
        <table className="data-table compact summary-loaded" data-testid="summary-loaded">
          <caption>{u.loaded}</caption>
          <tbody>
            {mainTables.map((k) => (
              <tr key={k}>
                <th scope="row">{names[k]}</th>
                <td className="num" data-testid={`loaded-${k}`} data-value={result.loaded[k]}>
                  {formatNumber(result.loaded[k], locale)}
                </td>
              </tr>
            ))}
            {otherTables.map((k) => (
              <tr key={k} className="muted">
                <th scope="row">{names[k]}</th>
                <td className="num" data-testid={`loaded-${k}`} data-value={result.other[k]}>
                  {formatNumber(result.other[k], locale)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="summary-notes">
          {loadedTotal === 0 && result.read > 0 ? <p className="summary-note">{result.rejected > 0 ? u.nothingNewRejects : u.nothingNew}</p> : null}
          {Object.keys(result.byKind).length > 0 ? (
            <p className="small">
              <span className="muted">{u.byKind}: </span>
              {counts(result.byKind, u.kindNames)}
            </p>
          ) : null}
          {Object.keys(result.byAction).length > 0 ? (
            <p className="small">
              <span className="muted">{u.byAction}: </span>
              {counts(result.byAction, u.actionNames)}
            </p>
          ) : null}
          {result.warnings.length > 0 ? (
            <div className="summary-warnings" data-testid="summary-warnings">
              <h3>{u.warnings}</h3>
              <ul>
                {result.warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      </div>

      {result.rejected > 0 ? <Rejects result={result} /> : null}
    </div>
  );
}

function Figure({ label, value, info, testId, tone }: { label: string; value: number; info?: string; testId: string; tone?: 'bad' }) {
  const { t, locale } = useI18n();
  return (
    <div className="summary-figure">
      <span className="summary-label">
        {label}
        {info ? <InfoTip text={info} label={`${t.metrics.info}: ${label}`} /> : null}
      </span>
      <span className={`summary-value${tone ? ` tone-${tone}` : ''}`} data-testid={testId} data-value={value}>
        {formatNumber(value, locale)}
      </span>
    </div>
  );
}

function Rejects({ result }: { result: ImportResult }) {
  const { t, locale } = useI18n();
  const u = t.pages.data.upload;
  const r = u.reject;
  const columns = useMemo<ColumnDef<ImportReject>[]>(
    () => [
      { id: 'file', accessorKey: 'file', header: r.file, meta: { label: r.file } satisfies DataColumnMeta },
      { id: 'line', accessorKey: 'line', header: r.line, meta: { label: r.line, numeric: true } satisfies DataColumnMeta, cell: (c) => formatNumber(c.getValue<number>(), locale) },
      { id: 'column', accessorKey: 'column', header: r.column, meta: { label: r.column } satisfies DataColumnMeta, cell: (c) => c.getValue<string | null>() ?? '–' },
      {
        id: 'value',
        accessorKey: 'value',
        header: r.value,
        meta: { label: r.value, wrap: true } satisfies DataColumnMeta,
        cell: (c) => {
          const v = c.getValue<string | null>();
          return v === null || v === '' ? <span className="muted">–</span> : <code>{v}</code>;
        },
      },
      { id: 'reason', accessorKey: 'reason', header: r.reason, meta: { label: r.reason, wrap: true } satisfies DataColumnMeta },
    ],
    [r, locale],
  );
  return (
    <DataTable
      title={u.rejectsTitle}
      rows={result.rejects}
      columns={columns}
      emptyText="–"
      testId="summary-rejects"
      note={u.rejectsFirst(formatNumber(result.rejects.length, locale), formatNumber(result.rejected, locale))}
      actions={
        <a className="button" href={importRejectsCsvHref(result.runId)} download data-testid="rejects-csv">
          <span aria-hidden="true">⤓ </span>
          {u.rejectsCsv}
        </a>
      }
    />
  );
}

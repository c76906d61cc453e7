// Data: what the database holds (row counts per table, data period, privacy threshold) and
// the last import with its counts of rows read, duplicates and rejects. Admins also upload an
// export here and see the import history.
import { useQuery } from '@tanstack/react-query';
import { accessFor } from '../components/common/AccessNote';
import { Link } from '../components/common/Link';
import { PageHeader } from '../components/common/PageHeader';
import { EmptyDatabase, ErrorState, Loading } from '../components/common/States';
import { displayPath, ImportHistory } from '../components/imports/ImportHistory';
import { UploadCard } from '../components/imports/UploadCard';
import { formatDateTime, formatDay, formatNumber } from '../lib/format';
import { useI18n, type Messages } from '../lib/i18n';
import { healthQuery, metaQuery, type Health, type LastImport, type Meta } from '../lib/queries';

export function DataPage() {
  const { t } = useI18n();
  const health = useQuery(healthQuery());
  const meta = useQuery(metaQuery());

  let body;
  if (health.isError) body = <ErrorState error={health.error} onRetry={() => health.refetch()} />;
  else if (meta.isError) body = <ErrorState error={meta.error} onRetry={() => meta.refetch()} />;
  else if (health.isPending || meta.isPending) body = <Loading lines={8} />;
  else {
    const admin = accessFor('admin', meta.data.access) === 'allowed';
    body = (
      <>
        {health.data.tables.people === 0 && !meta.data.lastImport ? <EmptyDatabase /> : null}
        {admin ? <UploadCard /> : null}
        <div className="card-grid">
          <DataSet meta={meta.data} health={health.data} />
          <TableCounts health={health.data} />
        </div>
        <LastImportCard run={meta.data.lastImport} timeZone={meta.data.timeZone} />
        {admin ? (
          <>
            <ImportHistory timeZone={meta.data.timeZone} />
            <p className="muted small">
              {t.access.audited}{' '}
              <Link to="/audit" data-testid="audit-link">
                {t.pages.audit.title}
              </Link>
            </p>
          </>
        ) : (
          <p className="muted small" data-testid="imports-admin-only">
            {t.pages.data.adminOnly}
          </p>
        )}
      </>
    );
  }

  return (
    <>
      <PageHeader title={t.pages.data.title} intro={t.pages.data.intro} />
      {body}
    </>
  );
}

function DataSet({ meta, health }: { meta: Meta; health: Health }) {
  const { t, locale } = useI18n();
  const d = t.pages.data;
  return (
    <section className="card">
      <h2>{d.settings}</h2>
      <dl className="facts">
        <dt>{d.dataPeriod}</dt>
        <dd>{meta.dataPeriod.from ? `${formatDay(meta.dataPeriod.from, locale)} – ${formatDay(meta.dataPeriod.to, locale)}` : t.filters.noDataPeriod}</dd>
        <dt>{d.timeZone}</dt>
        <dd>{meta.timeZone}</dd>
        <dt>{d.minGroupSize}</dt>
        <dd>
          {t.filters.people(formatNumber(meta.minGroupSize, locale))}
          <br />
          <span className="muted small">{d.minGroupSizeHint}</span>
        </dd>
        <dt>{d.schemaVersion}</dt>
        <dd>{formatNumber(health.schemaVersion, locale)}</dd>
      </dl>
    </section>
  );
}

function TableCounts({ health }: { health: Health }) {
  const { t, locale } = useI18n();
  const names = t.pages.data.tableNames;
  const keys = Object.keys(names) as (keyof Messages['pages']['data']['tableNames'])[];
  return (
    <section className="card">
      <h2>{t.pages.data.tables}</h2>
      <table className="data-table compact" data-testid="table-counts">
        <thead>
          <tr>
            <th scope="col">{t.pages.data.table}</th>
            <th scope="col" className="num">
              {t.pages.data.rows}
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key}>
              <th scope="row">{names[key]}</th>
              <td className="num" data-testid={`count-${key}`} data-value={health.tables[key]}>
                {formatNumber(health.tables[key], locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function LastImportCard({ run, timeZone }: { run: LastImport | null; timeZone: string }) {
  const { t, locale } = useI18n();
  const d = t.pages.data;
  if (!run) {
    return (
      <section className="card">
        <h2>{d.lastImport}</h2>
        <p className="muted">{d.noImport}</p>
      </section>
    );
  }
  const loaded = run.loaded;
  const tableNames = d.tableNames as Record<string, string>;
  const ok = run.status === 'ok';
  return (
    <section className="card" data-testid="last-import">
      <h2>
        {d.lastImport} <span className={`badge ${ok ? 'badge-ok' : 'badge-warn'}`}>{run.status}</span>
      </h2>
      <div className="facts-columns">
      <dl className="facts">
        <dt>{d.field.runId}</dt>
        <dd>{formatNumber(run.runId, locale)}</dd>
        <dt>{d.field.source}</dt>
        <dd>{run.source}</dd>
        <dt>{d.field.path}</dt>
        <dd>
          <code>{displayPath(run.path, d.history.uploaded)}</code>
        </dd>
        <dt>{d.field.startedAt}</dt>
        <dd>{formatDateTime(run.startedAt, locale, timeZone)}</dd>
        <dt>{d.field.finishedAt}</dt>
        <dd>{formatDateTime(run.finishedAt, locale, timeZone)}</dd>
        {run.message ? (
          <>
            <dt>{d.field.message}</dt>
            <dd>{run.message}</dd>
          </>
        ) : null}
      </dl>
      <dl className="facts">
        <dt>{d.field.filesRead}</dt>
        <dd>{formatNumber(run.filesRead, locale)}</dd>
        <dt>{d.field.rowsRead}</dt>
        <dd>{formatNumber(run.rowsRead, locale)}</dd>
        <dt>{d.field.loaded}</dt>
        <dd>
          {loaded === null
            ? '–'
            : Object.entries(loaded)
                .map(([k, v]) => `${tableNames[k] ?? k} ${formatNumber(v, locale)}`)
                .join(' · ')}
        </dd>
        <dt>{d.field.duplicates}</dt>
        <dd>{formatNumber(run.duplicates, locale)}</dd>
        <dt>{d.field.rejected}</dt>
        <dd className={run.rejected > 0 ? 'tone-bad' : undefined}>{formatNumber(run.rejected, locale)}</dd>
        <dt>{d.field.placeholders}</dt>
        <dd>{formatNumber(run.placeholders, locale)}</dd>
      </dl>
      </div>
    </section>
  );
}

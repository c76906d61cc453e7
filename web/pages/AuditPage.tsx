// Audit log (admins): every person-level view and every CSV export, newest first, with who,
// which role, what and which filters. The CSV comes from the server (up to 10,000 entries).
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { PageHeader } from '../components/common/PageHeader';
import { ErrorState, Loading } from '../components/common/States';
import { DataTable, type DataColumnMeta } from '../components/tables/DataTable';
import { formatDateTime, formatNumber } from '../lib/format';
import { useI18n } from '../lib/i18n';
import { auditCsvHref, auditQuery, metaQuery, type AuditEntry } from '../lib/queries';

const limit = 500;

/** The JSON text of a request's query ({"from":["2026-08-01"]}) as "from=2026-08-01 · …". */
export function readableFilters(json: string | null): string {
  if (!json) return '';
  try {
    const parsed = JSON.parse(json) as Record<string, unknown>;
    return Object.entries(parsed)
      .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(',') : String(value)}`)
      .join(' · ');
  } catch {
    return json;
  }
}

export function AuditPage() {
  const { t, locale } = useI18n();
  const a = t.pages.audit;
  const meta = useQuery(metaQuery());
  const audit = useQuery(auditQuery(limit));
  const timeZone = meta.data?.timeZone;
  const roleNames = t.session.roleName;

  const columns = useMemo<ColumnDef<AuditEntry>[]>(
    () => [
      {
        id: 'loggedAt',
        accessorKey: 'loggedAt',
        header: a.col.loggedAt,
        meta: { label: a.col.loggedAt } satisfies DataColumnMeta,
        cell: (c) => formatDateTime(c.getValue<string>(), locale, timeZone),
      },
      { id: 'actor', accessorKey: 'actor', header: a.col.actor, meta: { label: a.col.actor } satisfies DataColumnMeta },
      {
        id: 'role',
        accessorKey: 'role',
        header: a.col.role,
        meta: { label: a.col.role } satisfies DataColumnMeta,
        cell: (c) => roleNames[c.getValue<string>()] ?? c.getValue<string>(),
      },
      {
        id: 'action',
        accessorKey: 'action',
        header: a.col.action,
        meta: { label: a.col.action } satisfies DataColumnMeta,
        cell: (c) => {
          const action = c.getValue<string>();
          return <span className={`badge ${action.includes('person') ? 'badge-warn' : 'badge-neutral'}`}>{a.action[action] ?? action}</span>;
        },
      },
      {
        id: 'target',
        accessorKey: 'target',
        header: a.col.target,
        meta: { label: a.col.target, wrap: true } satisfies DataColumnMeta,
        cell: (c) => <code>{c.getValue<string | null>() ?? '–'}</code>,
      },
      {
        id: 'filters',
        accessorFn: (r) => readableFilters(r.filters),
        header: a.col.filters,
        meta: { label: a.col.filters, wrap: true } satisfies DataColumnMeta,
        enableSorting: false,
        cell: (c) => c.getValue<string>() || <span className="muted">{a.noFilters}</span>,
      },
    ],
    [a, locale, timeZone, roleNames],
  );

  let body;
  if (audit.isError) body = <ErrorState error={audit.error} onRetry={() => audit.refetch()} />;
  else if (audit.isPending) body = <Loading lines={6} />;
  else
    body = (
      <DataTable
        title={a.tableTitle}
        rows={audit.data.items}
        columns={columns}
        emptyText={a.empty}
        pageSize={50}
        testId="audit-log"
        note={a.shown(formatNumber(limit, locale))}
        actions={
          audit.data.items.length > 0 ? (
            <a className="button" href={auditCsvHref()} download title={a.csvTitle} data-testid="audit-csv">
              <span aria-hidden="true">⤓ </span>
              {t.table.csv}
            </a>
          ) : null
        }
      />
    );

  return (
    <>
      <PageHeader title={a.title} intro={a.intro} />
      {body}
    </>
  );
}

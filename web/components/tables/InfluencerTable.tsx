// The influencer ranking as a TanStack table (v8 API). The whole ranking of the period is in
// memory, so sorting, the name filter and paging (50 a page) are local; each row expands to the
// explanation of its place. Column choice is kept in localStorage.
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type ExpandedState,
  type SortingState,
  type VisibilityState,
} from '@tanstack/react-table';
import { Fragment, useEffect, useId, useMemo, useRef, useState } from 'react';
import { formatGrowth, formatNumber, formatSignificant } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { Influencer } from '../../lib/queries';
import { personPath } from '../../lib/url-state';
import { HeaderCell, Pager } from './TableParts';
import { Link } from '../common/Link';
import { BalanceLabel, RoleBadges } from '../common/RoleBadges';
import { ScoreBar } from '../common/ScoreBar';

interface ColumnMeta {
  numeric?: boolean;
  info?: string;
  label: string;
}

const visibilityKey = 'chorus.influencers.columns';
/** Shown through the column menu; hidden at first so the table fits a laptop screen. */
const hiddenAtFirst: VisibilityState = { location: false, roles: false, pagerank: false, betweenness: false, balance: false };

function storedVisibility(): VisibilityState {
  try {
    const value = JSON.parse(window.localStorage.getItem(visibilityKey) ?? '{}') as unknown;
    return { ...hiddenAtFirst, ...(value && typeof value === 'object' ? (value as VisibilityState) : {}) };
  } catch {
    return hiddenAtFirst;
  }
}

/** Lower case without accents, so "kuhn" finds "Kühn". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

const nameOf = (p: Influencer) => p.displayName ?? p.personId;

interface Props {
  items: Influencer[];
  /** Ranked people of the period and groups before the role filter. */
  total: number;
  /** Set when the API answered fewer rows than `total` (the ranking limit). */
  truncatedAt?: number;
  csvHref: string;
}

export function InfluencerTable({ items, total, truncatedAt, csvHref }: Props) {
  const { t, locale } = useI18n();
  const ids = { search: useId(), columns: useId() };
  const [sorting, setSorting] = useState<SortingState>([]);
  const [globalFilter, setGlobalFilter] = useState('');
  const [expanded, setExpanded] = useState<ExpandedState>({});
  const [columnVisibility, setColumnVisibility] = useState<VisibilityState>(storedVisibility);
  const menu = useRef<HTMLDetailsElement>(null);

  // The column menu closes on a click outside it and on Escape, like a native menu.
  useEffect(() => {
    const close = (event: Event) => {
      const details = menu.current;
      if (!details?.open) return;
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !details.contains(event.target as Node)) details.open = false;
    };
    document.addEventListener('click', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('click', close);
      document.removeEventListener('keydown', close);
    };
  }, []);

  const columns = useMemo<ColumnDef<Influencer>[]>(() => {
    const count = (key: 'responders' | 'reach' | 'crossDepartmentReach'): ColumnDef<Influencer> => ({
      id: key,
      accessorKey: key,
      header: () => t.influence[key],
      cell: ({ getValue }) => formatNumber(getValue<number>(), locale),
      sortDescFirst: true,
      meta: { numeric: true, info: t.influence.def[key], label: t.influence[key] } satisfies ColumnMeta,
    });
    return [
      {
        id: 'expand',
        header: () => <span className="sr-only">{t.influencers.expand}</span>,
        cell: ({ row }) => (
          <button
            type="button"
            className="expand-button"
            aria-expanded={row.getIsExpanded()}
            aria-label={`${row.getIsExpanded() ? t.influencers.collapse : t.influencers.expand}: ${nameOf(row.original)}`}
            title={row.getIsExpanded() ? t.influencers.collapse : t.influencers.expand}
            onClick={row.getToggleExpandedHandler()}
            data-testid="expand-row"
          >
            <span aria-hidden="true">{row.getIsExpanded() ? '▾' : '▸'}</span>
          </button>
        ),
        enableSorting: false,
        enableHiding: false,
        meta: { label: t.influencers.expand } satisfies ColumnMeta,
      },
      {
        id: 'rank',
        accessorKey: 'rank',
        header: () => t.influence.rank,
        enableHiding: false,
        meta: { numeric: true, info: t.influence.def.rank, label: t.influence.rank } satisfies ColumnMeta,
        cell: ({ getValue }) => formatNumber(getValue<number>(), locale),
      },
      {
        id: 'name',
        accessorFn: nameOf,
        header: () => t.influence.name,
        enableHiding: false,
        sortingFn: (a, b) => nameOf(a.original).localeCompare(nameOf(b.original), locale),
        meta: { label: t.influence.name } satisfies ColumnMeta,
        // With the roles column hidden, the role badges sit under the name.
        cell: ({ row, table }) => (
          <>
            <Link to={personPath(row.original.personId)} className="person-link" data-testid="influencer-name" title={row.original.explanation.join('\n')}>
              {row.original.displayName ?? <code>{row.original.personId}</code>}
            </Link>
            {table.getColumn('roles')?.getIsVisible() === false ? <RoleBadges roles={row.original.roles} topics={row.original.expertTopics} /> : null}
          </>
        ),
      },
      {
        id: 'department',
        accessorFn: (r) => r.department ?? '',
        header: () => t.influence.department,
        meta: { label: t.influence.department } satisfies ColumnMeta,
        // With the location column hidden, the location is a second line here.
        cell: ({ row, table }) => (
          <>
            {row.original.department ?? '–'}
            {table.getColumn('location')?.getIsVisible() === false && row.original.location ? <span className="cell-sub">{row.original.location}</span> : null}
          </>
        ),
      },
      {
        id: 'location',
        accessorFn: (r) => r.location ?? '',
        header: () => t.influence.location,
        meta: { label: t.influence.location } satisfies ColumnMeta,
        cell: ({ row }) => row.original.location ?? '–',
      },
      {
        id: 'score',
        accessorKey: 'score',
        header: () => t.influence.score,
        sortDescFirst: true,
        meta: { info: t.influence.def.score, label: t.influence.score } satisfies ColumnMeta,
        cell: ({ row }) => <ScoreBar score={row.original.score} />,
      },
      {
        id: 'roles',
        accessorFn: (r) => r.roles.length,
        header: () => t.influence.roles,
        sortDescFirst: true,
        meta: { label: t.influence.roles } satisfies ColumnMeta,
        cell: ({ row }) => <RoleBadges roles={row.original.roles} topics={row.original.expertTopics} />,
      },
      count('responders'),
      count('reach'),
      count('crossDepartmentReach'),
      {
        id: 'pagerank',
        accessorKey: 'pagerank',
        header: () => t.influence.pagerank,
        sortDescFirst: true,
        meta: { numeric: true, info: t.influence.def.pagerank, label: t.influence.pagerank } satisfies ColumnMeta,
        cell: ({ getValue }) => formatSignificant(getValue<number>(), locale, 3),
      },
      {
        id: 'betweenness',
        accessorKey: 'betweenness',
        header: () => t.influence.betweenness,
        sortDescFirst: true,
        meta: { numeric: true, info: t.influence.def.betweenness, label: t.influence.betweenness } satisfies ColumnMeta,
        cell: ({ getValue }) => formatSignificant(getValue<number>(), locale, 3),
      },
      {
        id: 'growth',
        // undefined (not null) so that people without a previous period sort last either way.
        accessorFn: (r) => r.growth ?? undefined,
        header: () => t.influence.growth,
        sortDescFirst: true,
        sortUndefined: 'last',
        meta: { numeric: true, info: t.influence.def.growth, label: t.influence.growth } satisfies ColumnMeta,
        cell: ({ row }) => {
          const g = row.original.growth;
          return <span className={g === null ? 'muted' : g > 0 ? 'tone-good' : g < 0 ? 'tone-bad' : undefined}>{formatGrowth(g, locale)}</span>;
        },
      },
      {
        id: 'balance',
        accessorKey: 'balance',
        header: () => t.influence.balance,
        meta: { info: t.balance.def, label: t.influence.balance } satisfies ColumnMeta,
        cell: ({ row }) => <BalanceLabel balance={row.original.balance} />,
      },
    ];
  }, [t, locale]);

  const table = useReactTable({
    data: items,
    columns,
    state: { sorting, globalFilter, expanded, columnVisibility },
    getRowId: (row) => row.personId,
    onSortingChange: setSorting,
    onGlobalFilterChange: setGlobalFilter,
    onExpandedChange: setExpanded,
    onColumnVisibilityChange: (updater) => {
      setColumnVisibility((old) => {
        const next = typeof updater === 'function' ? updater(old) : updater;
        try {
          window.localStorage.setItem(visibilityKey, JSON.stringify(next));
        } catch {
          // storage can be disabled by policy; the choice then lasts for this page
        }
        return next;
      });
    },
    getRowCanExpand: () => true,
    globalFilterFn: (row, _columnId, value: string) => {
      const needle = fold(value.trim());
      return !needle || fold(nameOf(row.original)).includes(needle);
    },
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    initialState: { pagination: { pageIndex: 0, pageSize: 50 } },
    autoResetPageIndex: true,
  });

  const rowCount = table.getFilteredRowModel().rows.length;
  const visibleColumns = table.getVisibleLeafColumns().length;
  const hideable = table.getAllLeafColumns().filter((c) => c.getCanHide());

  return (
    <section className="table-card" aria-label={t.influencers.tableTitle} data-testid="influencer-table">
      <div className="table-toolbar wrap">
        <h2>{t.influencers.tableTitle}</h2>
        <span className="muted small" data-testid="influencer-count">
          {t.influencers.shown(formatNumber(rowCount, locale), formatNumber(total, locale))}
        </span>
        <span className="spacer" />
        <label htmlFor={ids.search} className="sr-only">
          {t.influencers.searchLabel}
        </label>
        <input
          id={ids.search}
          type="search"
          className="table-filter"
          placeholder={t.influencers.search}
          value={globalFilter}
          onChange={(e) => setGlobalFilter(e.target.value)}
          data-testid="influencer-search"
        />
        <details className="menu" ref={menu}>
          <summary className="button" aria-label={t.influencers.columnsLabel}>
            {t.influencers.columns} <span aria-hidden="true">▾</span>
          </summary>
          <fieldset className="menu-panel" id={ids.columns}>
            <legend className="sr-only">{t.influencers.columnsLabel}</legend>
            {hideable.map((column) => (
              <label key={column.id} className="menu-item">
                <input type="checkbox" checked={column.getIsVisible()} onChange={column.getToggleVisibilityHandler()} />
                {(column.columnDef.meta as ColumnMeta).label}
              </label>
            ))}
          </fieldset>
        </details>
        <a className="button" href={csvHref} download title={t.influencers.csvTitle} data-testid="influencers-csv">
          <span aria-hidden="true">⤓ </span>
          {t.table.csv}
        </a>
      </div>
      {truncatedAt ? <p className="table-note muted small">{t.influencers.truncated(formatNumber(truncatedAt, locale))}</p> : null}
      <div className="table-scroll">
        <table className="data-table influencer-table">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <HeaderCell key={header.id} header={header} className={`col-${header.column.id}`} />
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <Fragment key={row.id}>
                <tr data-testid="influencer-row" data-rank={row.original.rank} className={row.getIsExpanded() ? 'is-expanded' : undefined}>
                  {row.getVisibleCells().map((cell) => {
                    const meta = cell.column.columnDef.meta as ColumnMeta | undefined;
                    return (
                      <td key={cell.id} className={[meta?.numeric ? 'num' : '', `col-${cell.column.id}`].join(' ').trim()}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    );
                  })}
                </tr>
                {row.getIsExpanded() ? (
                  <tr className="detail-row">
                    <td colSpan={visibleColumns}>
                      <Explanation person={row.original} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
            {rowCount === 0 ? (
              <tr>
                <td colSpan={visibleColumns} className="muted">
                  {t.influencers.noMatch}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <Pager table={table} nextTestId="next-page" />
    </section>
  );
}

/** Why a person holds their place: the explanation sentences and a few facts about their network. */
function Explanation({ person }: { person: Influencer }) {
  const { t, locale } = useI18n();
  const n = (v: number) => formatNumber(v, locale);
  return (
    <div className="explain" data-testid="explanation">
      <div>
        <h3>{t.influencers.why}</h3>
        {person.explanation.length > 0 ? (
          <ul>
            {person.explanation.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t.influencers.noExplanation}</p>
        )}
      </div>
      <div className="explain-facts">
        {person.expertTopics.length > 0 ? (
          <p>
            <strong>{t.influencers.topics}:</strong> {person.expertTopics.join(', ')}
          </p>
        ) : null}
        <p>{t.influencers.activity(n(person.posts), n(person.comments))}</p>
        <p>{t.influencers.ties(n(person.networkSize), n(person.strongTies), n(person.diverseTies))}</p>
        <p>
          {t.influence.balance}: <BalanceLabel balance={person.balance} />
        </p>
        <p>
          <Link to={personPath(person.personId)}>{t.influencers.openProfile} →</Link>
        </p>
      </div>
    </div>
  );
}

// A person's page (/people/<id>): who they are, why they hold their place in the period's
// ranking, their key figures, monthly history, strongest ties in and out, the departments they
// reach and their newest content. Person-level: reached from the ranking and the network map.
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { AccessNote, accessOfError, personAccessOf, type Refusal } from '../components/common/AccessNote';
import { DepartmentsReachedChart, RankScoreChart, ReachChart } from '../components/charts/PersonCharts';
import { Link } from '../components/common/Link';
import { PageHeader } from '../components/common/PageHeader';
import { BalanceLabel, RoleBadges } from '../components/common/RoleBadges';
import { StatCard } from '../components/common/StatCard';
import { ErrorState, Loading, Note } from '../components/common/States';
import { isStoredPeriod, PeriodPicker } from '../components/filters/PeriodPicker';
import { DataTable, type DataColumnMeta } from '../components/tables/DataTable';
import { ApiRequestError } from '../lib/api';
import { formatDateTime, formatDay, formatDecimal, formatGrowth, formatNumber } from '../lib/format';
import { useI18n } from '../lib/i18n';
import { influencerPeriodsQuery, metaQuery, personQuery, type PersonProfile, type RecentContent, type Tie } from '../lib/queries';
import { personIdOf, personPath, useFilters, useLocation } from '../lib/url-state';

export function PersonPage() {
  const { path } = useLocation();
  const personId = personIdOf(path) ?? '';
  const { t, lang } = useI18n();
  const [filters] = useFilters();
  const meta = useQuery(metaQuery());
  const access = personAccessOf(meta.data);
  const periods = useQuery({ ...influencerPeriodsQuery(), enabled: access === 'allowed' });
  const profile = useQuery({
    ...personQuery(personId, filters, lang),
    enabled: access === 'allowed',
    // Keep the page while another period loads, but never show the previous person's data.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === personId ? previous : undefined),
  });
  const computing = profile.isFetching && !isStoredPeriod(filters, periods.data);
  const refused: Refusal | null = access !== 'allowed' ? access : accessOfError(profile.error);

  if (refused) {
    return (
      <>
        <PageHeader title={t.pages.influencers.title} />
        <AccessNote reason={refused} role={meta.data?.access?.role} />
      </>
    );
  }
  if (profile.isError) {
    if (profile.error instanceof ApiRequestError && profile.error.status === 404) {
      return (
        <>
          <PageHeader title={t.person.notFoundTitle} />
          <div className="state state-empty" data-testid="person-not-found">
            <p>{t.person.notFoundText}</p>
            <p>
              <Link to="/influencers" className="button primary">
                {t.person.back}
              </Link>
            </p>
          </div>
        </>
      );
    }
    return (
      <>
        <PageHeader title={t.pages.influencers.title} />
        <ErrorState error={profile.error} onRetry={() => profile.refetch()} />
      </>
    );
  }
  if (profile.isPending) {
    return (
      <>
        <PageHeader title="…" />
        <Loading lines={8} label={computing ? t.periodPicker.computing : undefined} />
      </>
    );
  }
  return <PersonView data={profile.data} refreshing={profile.isPlaceholderData} computing={computing} />;
}

function PersonView({ data, refreshing, computing }: { data: PersonProfile; refreshing: boolean; computing: boolean }) {
  const { t, locale } = useI18n();
  const { person, current, period } = data;
  const name = person.displayName ?? person.personId;
  const subtitle = [person.jobTitle, person.department, person.location].filter(Boolean).join(' · ');
  const ins = data.ties.filter((tie) => tie.direction === 'in');
  const outs = data.ties.filter((tie) => tie.direction === 'out');
  const tieColumns = useTieColumns();
  const contentColumns = useContentColumns();
  const n = (v: number | null | undefined) => formatNumber(v, locale);

  return (
    <>
      <PageHeader title={name} intro={subtitle || undefined} />
      <div className="page-toolbar person-toolbar">
        <Link to="/influencers" className="back-link">
          ← {t.person.back}
        </Link>
        <PeriodPicker answered={period} />
      </div>
      <p className="privacy-line">
        {t.influencers.note} {t.access.audited}
      </p>
      {computing ? (
        <p className="computing" role="status">
          {t.periodPicker.computing}
        </p>
      ) : null}
      <div className={refreshing ? 'stack is-refreshing' : 'stack'} data-testid="person-page">
        <section className="card person-head" aria-label={t.influencers.why}>
          <div className="person-badges">
            {current ? <RoleBadges roles={current.roles} topics={current.expertTopics} /> : null}
            {current ? (
              <span className="badge badge-neutral">
                {t.influence.balance}: <BalanceLabel balance={current.balance} />
              </span>
            ) : null}
            {person.accountType === 'official' ? <span className="badge badge-warn">{t.person.official}</span> : null}
            {person.accountType === 'bot' ? <span className="badge badge-warn">{t.person.bot}</span> : null}
            {person.isPlaceholder ? <span className="badge badge-warn">{t.person.placeholder}</span> : null}
            <span className="muted small">
              {person.employedFrom ? t.person.employed(formatDay(person.employedFrom, locale)) : null}
              {person.employedTo ? ` · ${t.person.left(formatDay(person.employedTo, locale))}` : null}
            </span>
          </div>
          {current ? (
            <div className="explain">
              <div>
                <h2>{t.influencers.why}</h2>
                {current.explanation.length > 0 ? (
                  <ul data-testid="person-explanation">
                    {current.explanation.map((sentence) => (
                      <li key={sentence}>{sentence}</li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">{t.influencers.noExplanation}</p>
                )}
              </div>
              <div className="explain-facts">
                {current.expertTopics.length > 0 ? (
                  <p>
                    <strong>{t.influencers.topics}:</strong> {current.expertTopics.join(', ')}
                  </p>
                ) : null}
                <p>{t.influencers.activity(n(current.posts), n(current.comments))}</p>
                <p>{t.influencers.ties(n(current.networkSize), n(current.strongTies), n(current.diverseTies))}</p>
              </div>
            </div>
          ) : (
            <p className="muted" data-testid="not-ranked">
              {t.person.notRanked}
            </p>
          )}
        </section>

        {current ? (
          <section aria-labelledby="person-kpis">
            <h2 id="person-kpis" className="section-title">
              {t.person.kpiHeading}
            </h2>
            <div className="kpi-grid">
              <StatCard label={t.influence.rank} info={t.influence.def.rank} value={current.rank} text={n(current.rank)} note={period ? t.person.of(n(period.nodes)) : undefined} testId="kpi-rank" />
              <StatCard label={t.influence.score} info={t.influence.def.score} value={current.score} text={formatDecimal(current.score, locale, 3)} testId="kpi-score" />
              <StatCard label={t.influence.respondersLong} info={t.influence.def.responders} value={current.responders} text={n(current.responders)} testId="kpi-responders" />
              <StatCard label={t.influence.reach} info={t.influence.def.reach} value={current.reach} text={n(current.reach)} testId="kpi-reach" />
              <StatCard
                label={t.influence.crossDepartmentReach}
                info={t.influence.def.crossDepartmentReach}
                value={current.crossDepartmentReach}
                text={n(current.crossDepartmentReach)}
                testId="kpi-crossDepartmentReach"
              />
              <StatCard
                label={t.influence.growth}
                info={t.influence.def.growth}
                value={current.growth}
                text={formatGrowth(current.growth, locale)}
                note={current.growth === null ? t.person.growthNone : undefined}
                testId="kpi-growth"
              />
            </div>
          </section>
        ) : null}

        {data.history.length > 0 ? (
          <div className="card-grid two">
            <RankScoreChart history={data.history} />
            <ReachChart history={data.history} />
          </div>
        ) : (
          <Note>{t.person.noHistory}</Note>
        )}

        <div className="card-grid two">
          <DataTable title={t.person.tiesIn} rows={ins} columns={tieColumns} csvOnly={tieCsvOnly} csvName={`ties-in-${person.personId}`} emptyText={t.person.tiesNone} testId="ties-in" />
          <DataTable title={t.person.tiesOut} rows={outs} columns={tieColumns} csvOnly={tieCsvOnly} csvName={`ties-out-${person.personId}`} emptyText={t.person.tiesNone} testId="ties-out" />
        </div>

        <DepartmentsReachedChart rows={data.departmentsReached} />

        <DataTable
          title={t.person.contentTitle}
          rows={data.recentContent}
          columns={contentColumns}
          csvName={`content-${person.personId}`}
          csvOnly={['kind', 'space']}
          emptyText={t.person.contentNone}
          testId="recent-content"
        />
      </div>
    </>
  );
}

/** Shown inside other cells; separate columns only in the CSV file. */
const tieCsvOnly = ['department', 'comments', 'reactions', 'shares', 'mentions', 'interactions'];

function useTieColumns(): ColumnDef<Tie>[] {
  const { t, locale } = useI18n();
  return useMemo(() => {
    const count = (key: 'comments' | 'reactions' | 'shares' | 'mentions' | 'interactions'): ColumnDef<Tie> => ({
      id: key,
      accessorKey: key,
      header: () => t.person.tie[key],
      sortDescFirst: true,
      cell: ({ getValue }) => formatNumber(getValue<number>(), locale),
      meta: { numeric: true, label: t.person.tie[key] } satisfies DataColumnMeta,
    });
    return [
      {
        id: 'person',
        accessorFn: (r) => r.displayName ?? r.personId,
        header: () => t.person.tie.person,
        cell: ({ row }) => (
          <>
            <Link to={personPath(row.original.personId)}>{row.original.displayName ?? <code>{row.original.personId}</code>}</Link>
            <span className="cell-sub">{row.original.department ?? '–'}</span>
          </>
        ),
        meta: { label: t.person.tie.person, wrap: true } satisfies DataColumnMeta,
      },
      {
        id: 'department',
        accessorFn: (r) => r.department ?? '',
        header: () => t.influence.department,
        cell: ({ row }) => row.original.department ?? '–',
        meta: { label: t.influence.department } satisfies DataColumnMeta,
      },
      {
        id: 'weight',
        accessorKey: 'weight',
        header: () => t.person.tie.weight,
        sortDescFirst: true,
        cell: ({ getValue }) => <strong>{formatNumber(getValue<number>(), locale)}</strong>,
        meta: { numeric: true, info: t.person.weightDef, label: t.person.tie.weight } satisfies DataColumnMeta,
      },
      {
        id: 'mix',
        header: () => t.person.tie.mix,
        enableSorting: false,
        cell: ({ row }) => (
          <span className="tie-mix">
            {(['comments', 'reactions', 'shares', 'mentions', 'interactions'] as const)
              .filter((key) => row.original[key] > 0)
              .map((key) => `${t.person.tie[key]} ${formatNumber(row.original[key], locale)}`)
              .join(' · ')}
          </span>
        ),
        meta: { label: t.person.tie.mix, wrap: true } satisfies DataColumnMeta,
      },
      count('comments'),
      count('reactions'),
      count('shares'),
      count('mentions'),
      count('interactions'),
    ];
  }, [t, locale]);
}

function useContentColumns(): ColumnDef<RecentContent>[] {
  const { t, locale } = useI18n();
  return useMemo(() => {
    const count = (key: 'views' | 'viewers' | 'reactions' | 'comments' | 'shares' | 'engagement'): ColumnDef<RecentContent> => ({
      id: key,
      accessorKey: key,
      header: () => t.person.content[key],
      sortDescFirst: true,
      cell: ({ getValue }) => (key === 'engagement' ? <strong>{formatNumber(getValue<number>(), locale)}</strong> : formatNumber(getValue<number>(), locale)),
      meta: { numeric: true, label: t.person.content[key], info: key === 'engagement' ? t.person.engagementDef : undefined } satisfies DataColumnMeta,
    });
    return [
      {
        id: 'createdAt',
        accessorKey: 'createdAt',
        header: () => t.person.content.createdAt,
        sortDescFirst: true,
        cell: ({ getValue }) => formatDateTime(getValue<string>(), locale),
        meta: { label: t.person.content.createdAt } satisfies DataColumnMeta,
      },
      {
        id: 'title',
        accessorFn: (r) => r.title ?? '',
        header: () => t.person.content.title,
        cell: ({ row }) => (
          <>
            <span className="content-title" title={row.original.title ?? undefined}>
              {row.original.title || <span className="muted">{t.person.content.untitled}</span>}
            </span>
            <span className="cell-sub">
              {[t.person.content.kinds[row.original.kind] ?? row.original.kind, row.original.space].filter(Boolean).join(' · ')}
              {row.original.isQuestion ? <span className="badge question-badge">{t.person.content.question}</span> : null}
            </span>
          </>
        ),
        meta: { label: t.person.content.title, wrap: true } satisfies DataColumnMeta,
      },
      {
        id: 'kind',
        accessorKey: 'kind',
        header: () => t.person.content.kind,
        cell: ({ getValue }) => t.person.content.kinds[getValue<string>()] ?? getValue<string>(),
        meta: { label: t.person.content.kind } satisfies DataColumnMeta,
      },
      {
        id: 'space',
        accessorFn: (r) => r.space ?? '',
        header: () => t.person.content.space,
        cell: ({ row }) => row.original.space ?? '–',
        meta: { label: t.person.content.space } satisfies DataColumnMeta,
      },
      count('views'),
      count('viewers'),
      count('reactions'),
      count('comments'),
      count('shares'),
      count('engagement'),
    ];
  }, [t, locale]);
}

// Influencers: the ranked, explained list of natural voices for a period, filterable by role
// (chips), department and location (filter bar) and by name, with a CSV of the same selection.
// The whole ranking is fetched once per period and group; role, sort and paging are local.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Role } from '../../analytics/graph/influence';
import { AccessNote, accessOfError, personAccessOf, type Refusal } from '../components/common/AccessNote';
import { InfoTip } from '../components/common/InfoTip';
import { PageHeader } from '../components/common/PageHeader';
import { isRole, roleOrder } from '../components/common/RoleBadges';
import { EmptyDatabase, ErrorState, Loading, Note } from '../components/common/States';
import { isStoredPeriod, PeriodPicker } from '../components/filters/PeriodPicker';
import { InfluencerTable } from '../components/tables/InfluencerTable';
import { formatNumber } from '../lib/format';
import { useI18n } from '../lib/i18n';
import { influencerPeriodsQuery, influencersCsvHref, influencersQuery, metaQuery, rankingLimit } from '../lib/queries';
import { useFilters, useSearchParams } from '../lib/url-state';

export function InfluencersPage() {
  const { t, lang, locale } = useI18n();
  const [filters] = useFilters();
  const [params, setParams] = useSearchParams();
  const roleParam = params.get('role');
  const role: Role | undefined = isRole(roleParam) ? roleParam : undefined;
  const meta = useQuery(metaQuery());
  const access = personAccessOf(meta.data);
  const periods = useQuery({ ...influencerPeriodsQuery(), enabled: access === 'allowed' });
  const ranking = useQuery({ ...influencersQuery(filters, lang), placeholderData: keepPreviousData, enabled: access === 'allowed' });
  const refused: Refusal | null = access !== 'allowed' ? access : accessOfError(ranking.error);
  const computing = ranking.isFetching && !isStoredPeriod(filters, periods.data);

  const counts = useMemo(() => {
    const c = new Map<Role, number>();
    for (const item of ranking.data?.items ?? []) for (const r of item.roles) if (isRole(r)) c.set(r, (c.get(r) ?? 0) + 1);
    return c;
  }, [ranking.data]);
  const items = useMemo(() => (ranking.data?.items ?? []).filter((item) => !role || item.roles.includes(role)), [ranking.data, role]);

  const roleChips = (
    <div className="role-filter" role="group" aria-label={t.roles.label}>
      <span className="segmented-label">{t.roles.label}</span>
      <button type="button" className="chip" aria-pressed={!role} onClick={() => setParams({ role: null })} data-testid="role-all">
        {t.roles.all}
      </button>
      {roleOrder.map((r) => (
        <span key={r} className="chip-with-info">
          <button type="button" className={`chip role-chip role-${r}`} aria-pressed={role === r} onClick={() => setParams({ role: role === r ? null : r })} data-testid={`role-${r}`}>
            {t.roles.name[r]}
            {ranking.data ? <span className="chip-count">{formatNumber(counts.get(r) ?? 0, locale)}</span> : null}
          </button>
          <InfoTip text={t.roles.def[r]} label={`${t.metrics.info}: ${t.roles.name[r]}`} />
        </span>
      ))}
    </div>
  );

  let body;
  if (meta.isError) body = <ErrorState error={meta.error} onRetry={() => meta.refetch()} />;
  else if (refused) body = <AccessNote reason={refused} role={meta.data?.access?.role} />;
  else if (ranking.isError) body = <ErrorState error={ranking.error} onRetry={() => ranking.refetch()} />;
  else if (meta.isPending || ranking.isPending) body = <Loading lines={8} label={computing ? t.periodPicker.computing : undefined} />;
  else if (!meta.data.dataPeriod.from) body = <EmptyDatabase />;
  else if (ranking.data.items.length === 0) body = <Note>{t.influencers.empty}</Note>;
  else {
    const data = ranking.data;
    body = (
      <div className={ranking.isPlaceholderData ? 'stack is-refreshing' : 'stack'} aria-busy={ranking.isPlaceholderData || undefined}>
        <InfluencerTable
          items={items}
          total={data.total}
          truncatedAt={data.total > data.items.length ? rankingLimit : undefined}
          csvHref={influencersCsvHref(filters, lang, role)}
        />
      </div>
    );
  }

  return (
    <>
      <PageHeader title={t.pages.influencers.title} intro={t.pages.influencers.intro} />
      <p className="privacy-line" data-testid="influencers-note">
        {t.influencers.note} {t.access.audited}
      </p>
      {refused ? null : (
        <div className="card page-toolbar">
          <PeriodPicker answered={ranking.data?.period} />
          {roleChips}
        </div>
      )}
      {computing && ranking.data ? (
        <p className="computing" role="status">
          {t.periodPicker.computing}
        </p>
      ) : null}
      {body}
    </>
  );
}

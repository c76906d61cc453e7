// Network: a map of the top people of the period and the ties among them (sigma.js, laid out
// with ForceAtlas2 in a worker), coloured by department or community, with top-N, minimum
// weight, department and community filters and a search; and the department-to-department
// exchange as a heat table. Loaded on demand, so sigma stays out of the main bundle.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { NetworkMap } from '../components/charts/NetworkMap';
import { AccessNote, accessOfError, personAccessOf, type Refusal } from '../components/common/AccessNote';
import { InfoTip } from '../components/common/InfoTip';
import { PageHeader } from '../components/common/PageHeader';
import { EmptyDatabase, ErrorState, Loading, Note } from '../components/common/States';
import { isStoredPeriod, PeriodPicker } from '../components/filters/PeriodPicker';
import { DepartmentMatrix } from '../components/tables/DepartmentMatrix';
import { formatNumber } from '../lib/format';
import { useI18n } from '../lib/i18n';
import { colourGroups, communityDepartments, type ColourBy } from '../lib/network-graph';
import { influencerPeriodsQuery, matrixCsvHref, matrixQuery, metaQuery, networkQuery } from '../lib/queries';
import { keepShared, navigate, personPath, useFilters, useSearchParams } from '../lib/url-state';

const topChoices = [50, 100, 150, 300] as const;
const weightChoices = [1, 2, 3, 5, 10, 20] as const;
const defaults = { top: 150, minWeight: 1 };

const fold = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

function intParam(value: string | null, allowed: readonly number[], fallback: number): number {
  const n = Number(value);
  return value !== null && allowed.includes(n) ? n : fallback;
}

export function NetworkPage() {
  const { t, locale } = useI18n();
  const [filters] = useFilters();
  const [params, setParams] = useSearchParams();
  const ids = { top: useId(), weight: useId(), community: useId(), search: useId(), colour: useId() };
  const top = intParam(params.get('top'), topChoices, defaults.top);
  const minWeight = intParam(params.get('minWeight'), weightChoices, defaults.minWeight);
  const communityParam = params.get('community');
  const community = communityParam !== null && /^\d+$/.test(communityParam) ? Number(communityParam) : undefined;
  const colourBy: ColourBy = params.get('colour') === 'community' ? 'community' : 'department';
  const [search, setSearch] = useState('');

  const base = { from: filters.from, to: filters.to, department: filters.department, limit: top, minWeight };
  const meta = useQuery(metaQuery());
  const access = personAccessOf(meta.data);
  const allowed = access === 'allowed';
  const periods = useQuery({ ...influencerPeriodsQuery(), enabled: allowed });
  const network = useQuery({ ...networkQuery({ ...base, community }), placeholderData: keepPreviousData, enabled: allowed });
  // The community list comes from the map without the community filter (the same request when none is set).
  const all = useQuery({ ...networkQuery(base), placeholderData: keepPreviousData, enabled: allowed });
  const refused: Refusal | null = access !== 'allowed' ? access : accessOfError(network.error);
  const matrix = useQuery(matrixQuery(filters));
  const computing = network.isFetching && !isStoredPeriod(filters, periods.data);

  const nodes = useMemo(() => network.data?.nodes ?? [], [network.data]);
  const edges = useMemo(() => network.data?.edges ?? [], [network.data]);
  const mainDepartment = useMemo(() => communityDepartments(all.data?.nodes ?? nodes), [all.data, nodes]);
  const communities = useMemo(() => {
    const counts = new Map<number, number>();
    for (const n of all.data?.nodes ?? []) if (n.community !== null) counts.set(n.community, (counts.get(n.community) ?? 0) + 1);
    if (community !== undefined && !counts.has(community)) counts.set(community, 0);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  }, [all.data, community]);
  const { legend, colourOf } = useMemo(() => colourGroups(nodes, colourBy), [nodes, colourBy]);

  const communityName = (id: number) => {
    const department = mainDepartment.get(id);
    return department ? t.network.communityLabel(String(id), department) : t.network.communityShort(String(id));
  };
  const legendLabel = (key: string) => {
    if (key === '') return t.network.unknown;
    if (colourBy === 'department') return key;
    const department = mainDepartment.get(Number(key));
    return (
      <>
        {t.network.communityShort(key)}
        {department ? <span className="cell-sub">{t.network.mostly(department)}</span> : null}
      </>
    );
  };

  const needle = fold(search.trim());
  const matches = useMemo(
    () => (needle.length < 2 ? [] : nodes.filter((n) => fold(n.displayName ?? n.personId).includes(needle)).map((n) => n.personId)),
    [needle, nodes],
  );

  const open = (personId: string) => navigate(personPath(personId) + keepShared(window.location.search));

  const controls = (
    <div className="card page-toolbar network-controls" role="group" aria-label={t.filters.label}>
      <PeriodPicker answered={network.data?.period} />
      <div className="segmented" role="radiogroup" aria-labelledby={ids.top}>
        <span id={ids.top} className="segmented-label" title={t.network.topLabel}>
          {t.network.top}
        </span>
        {topChoices.map((n) => (
          <button key={n} type="button" role="radio" aria-checked={n === top} onClick={() => setParams({ top: n === defaults.top ? null : String(n) })} data-testid={`top-${n}`}>
            {formatNumber(n, locale)}
          </button>
        ))}
      </div>
      <div className="filter-group">
        <label htmlFor={ids.weight}>{t.network.minWeight}</label>
        <select id={ids.weight} value={minWeight} onChange={(e) => setParams({ minWeight: Number(e.target.value) === defaults.minWeight ? null : e.target.value })}>
          {weightChoices.map((w) => (
            <option key={w} value={w}>
              ≥ {formatNumber(w, locale)}
            </option>
          ))}
        </select>
        <InfoTip text={t.network.minWeightDef} label={`${t.metrics.info}: ${t.network.minWeight}`} />
      </div>
      <div className="filter-group">
        <label htmlFor={ids.community}>{t.network.community}</label>
        <select id={ids.community} value={community ?? ''} onChange={(e) => setParams({ community: e.target.value || null })} data-testid="community-select">
          <option value="">{t.network.allCommunities}</option>
          {communities.map(([id, count]) => (
            <option key={id} value={id}>
              {communityName(id)} – {formatNumber(count, locale)}
            </option>
          ))}
        </select>
      </div>
      <div className="segmented" role="radiogroup" aria-labelledby={ids.colour}>
        <span id={ids.colour} className="segmented-label">
          {t.network.colourBy}
        </span>
        {(['department', 'community'] as const).map((c) => (
          <button key={c} type="button" role="radio" aria-checked={c === colourBy} onClick={() => setParams({ colour: c === 'department' ? null : c })} data-testid={`colour-${c}`}>
            {c === 'department' ? t.network.byDepartment : t.network.byCommunity}
          </button>
        ))}
      </div>
      <div className="filter-group network-search">
        <label htmlFor={ids.search} className="sr-only">
          {t.network.searchLabel}
        </label>
        <input id={ids.search} type="search" list={`${ids.search}-names`} placeholder={t.network.search} value={search} onChange={(e) => setSearch(e.target.value)} data-testid="network-search" />
        <datalist id={`${ids.search}-names`}>
          {nodes.map((n) => (
            <option key={n.personId} value={n.displayName ?? n.personId} />
          ))}
        </datalist>
        {needle.length >= 2 ? (
          <span className={matches.length > 0 ? 'small' : 'small filter-invalid'} role="status">
            {matches.length > 0 ? t.network.matches(formatNumber(matches.length, locale)) : t.network.noMatch}
          </span>
        ) : null}
      </div>
    </div>
  );

  let map;
  if (meta.isError) map = <ErrorState error={meta.error} onRetry={() => meta.refetch()} />;
  else if (refused) map = <AccessNote reason={refused} role={meta.data?.access?.role} />;
  else if (network.isError) map = <ErrorState error={network.error} onRetry={() => network.refetch()} />;
  else if (meta.isPending || network.isPending) map = <Loading lines={6} label={computing ? t.periodPicker.computing : undefined} />;
  else if (!meta.data.dataPeriod.from) map = <EmptyDatabase />;
  else if (nodes.length === 0) map = <Note>{t.network.noPeople}</Note>;
  else if (edges.length === 0) map = <Note>{t.network.empty}</Note>;
  else
    map = (
      <section className={network.isPlaceholderData ? 'card network-card is-refreshing' : 'card network-card'} aria-label={t.network.mapLabel}>
        <div className="network-layout">
          <NetworkMap nodes={nodes} edges={edges} colourBy={colourBy} colours={colourOf} highlight={matches} onOpen={open} />
          <aside className="network-legend" aria-label={t.network.legend}>
            <h2>{t.network.legend}</h2>
            <p className="muted small" data-testid="network-summary">
              {t.network.summary(formatNumber(nodes.length, locale), formatNumber(edges.length, locale), edges.length === 1)}
            </p>
            <ul data-testid="network-legend">
              {legend.map((entry) => (
                <li key={entry.key}>
                  <span className="swatch" style={{ background: entry.colour }} aria-hidden="true" />
                  <span className="legend-label" title={colourBy === 'community' && entry.key !== '' ? communityName(Number(entry.key)) : undefined}>
                    {legendLabel(entry.key)}
                  </span>
                  <span className="muted small">{formatNumber(entry.count, locale)}</span>
                </li>
              ))}
            </ul>
            <p className="muted small">{t.network.sizeNote}</p>
            <p className="muted small">{t.network.hint}</p>
          </aside>
        </div>
      </section>
    );

  let heat;
  if (matrix.isError) heat = <ErrorState error={matrix.error} onRetry={() => matrix.refetch()} />;
  else if (matrix.isPending) heat = <Loading lines={4} />;
  else if (matrix.data.period) heat = <DepartmentMatrix matrix={matrix.data} csvHref={matrixCsvHref(filters)} />;

  return (
    <>
      <PageHeader title={t.network.title} intro={t.network.intro} />
      {controls}
      {computing && network.data ? (
        <p className="computing" role="status">
          {t.periodPicker.computing}
        </p>
      ) : null}
      {map}
      {heat}
    </>
  );
}

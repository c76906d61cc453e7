// Pilot group: choose N people who together reach the most colleagues (greedy maximum coverage,
// POST /api/pilot-group), with quotas, exclusions and the filter bar's department/location as
// the candidate pool; compare with the top N by influence; save named groups and compare two;
// tandem suggestions below. Size, quotas, exclusions and the compared groups live in the URL.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useEffect, useId, useMemo, useState } from 'react';
import { AccessNote, accessOfError, personAccessOf, type Refusal } from '../components/common/AccessNote';
import { Link } from '../components/common/Link';
import { PageHeader } from '../components/common/PageHeader';
import { StatCard } from '../components/common/StatCard';
import { EmptyDatabase, ErrorState, Loading, Note, PrivacyNote } from '../components/common/States';
import { CoverageChart } from '../components/charts/CoverageChart';
import { PeriodPicker } from '../components/filters/PeriodPicker';
import { DataTable, type DataColumnMeta } from '../components/tables/DataTable';
import { ApiRequestError } from '../lib/api';
import { formatDateTime, formatDay, formatDecimal, formatNumber, formatPercent } from '../lib/format';
import { useI18n } from '../lib/i18n';
import { de, en } from '../lib/messages/pilot';
import {
  compareGroupsQuery,
  deleteGroup,
  formatQuotas,
  parseQuotas,
  pilotGroupQuery,
  saveGroup,
  savedGroupCsvHref,
  savedGroupsQuery,
  tandemsCsvHref,
  tandemsQuery,
  type FoldedCoverage,
  type GroupMember,
  type PilotAnswer,
  type PilotRequest,
  type Quota,
  type SavedGroupSummary,
  type Tandem,
} from '../lib/pilot-queries';
import { influencersQuery, metaQuery, periodOf, type Filters } from '../lib/queries';
import { personPath, useFilters, useSearchParams } from '../lib/url-state';
import './PilotPage.css';

type M = typeof de | typeof en;
const useMessages = (): M => (useI18n().lang === 'de' ? de : en);
const maxSize = 50;
const defaultSize = 10;

function clampSize(raw: string | null): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= maxSize ? n : defaultSize;
}

/** The API's infeasible-quota answer in the page's language (its own message for anything else). */
function describeInfeasible(error: ApiRequestError, m: M, locale: string): string {
  const d = error.details as { kind?: string; figures?: Record<string, number>; quota?: Quota | null; pool?: Pick<Quota, 'by' | 'group'> } | undefined;
  const small = error.code === 'small_group' ? (d?.quota ?? d?.pool) : undefined;
  if (small) return m.smallGroupQuota(m.quotaText(small.by, small.group, '', ''));
  if (error.code !== 'infeasible' || !d?.kind || !(d.kind in m.infeasibleKind)) return error.message;
  const figures = Object.fromEntries(Object.entries(d.figures ?? {}).map(([k, v]) => [k, formatNumber(v, locale)]));
  const q = d.quota ? m.quotaText(d.quota.by, d.quota.group, d.quota.min === undefined ? '' : formatNumber(d.quota.min, locale), d.quota.max === undefined ? '' : formatNumber(d.quota.max, locale)) : '';
  return m.infeasibleKind[d.kind as keyof M['infeasibleKind']](q, figures);
}

export function PilotPage() {
  const m = useMessages();
  const { t, locale } = useI18n();
  const [filters] = useFilters();
  const [params, setParams] = useSearchParams();
  const meta = useQuery(metaQuery());
  const access = personAccessOf(meta.data);

  const size = clampSize(params.get('size'));
  const quotas = useMemo(() => parseQuotas(params.get('quotas')), [params]);
  const exclude = useMemo(() => (params.get('exclude') ?? '').split(',').filter(Boolean), [params]);
  const period = periodOf(filters);
  const request: PilotRequest = useMemo(() => {
    const pool = { ...(filters.department ? { departments: [filters.department] } : {}), ...(filters.location ? { locations: [filters.location] } : {}) };
    return {
      size,
      ...period,
      ...(quotas.length ? { quotas } : {}),
      ...(exclude.length ? { exclude } : {}),
      ...(Object.keys(pool).length ? { pool } : {}),
    };
  }, [size, period.from, period.to, quotas, exclude, filters.department, filters.location]);

  const answer = useQuery({ ...pilotGroupQuery(request), placeholderData: keepPreviousData, enabled: access === 'allowed' && Boolean(meta.data?.dataPeriod.from) });
  const refused: Refusal | null = access !== 'allowed' ? access : accessOfError(answer.error);
  const infeasible = answer.error instanceof ApiRequestError && answer.error.status === 400 ? answer.error : null;

  // Names of excluded people, remembered from the answers that listed them.
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!answer.data) return;
    setNames((known) => {
      const next = { ...known };
      for (const member of answer.data.members) next[member.personId] = member.displayName ?? member.personId;
      return next;
    });
  }, [answer.data]);

  const setExclude = (ids: string[]) => setParams({ exclude: ids.length ? ids.join(',') : null });

  let body;
  if (meta.isError) body = <ErrorState error={meta.error} onRetry={() => meta.refetch()} />;
  else if (refused) body = <AccessNote reason={refused} role={meta.data?.access?.role} />;
  else if (meta.isPending) body = <Loading lines={6} />;
  else if (!meta.data.dataPeriod.from) body = <EmptyDatabase />;
  else if (infeasible) {
    body = (
      <div className="state state-error" role="alert" data-testid="pilot-infeasible">
        <h2>{m.infeasible}</h2>
        <p>{describeInfeasible(infeasible, m, locale)}</p>
        <p className="muted">{m.infeasibleHint}</p>
      </div>
    );
  } else if (answer.isError) body = <ErrorState error={answer.error} onRetry={() => answer.refetch()} />;
  else if (answer.isPending) body = <Loading lines={8} label={m.computing} />;
  else if (answer.data.candidates === 0 || answer.data.members.length === 0) body = <Note>{m.empty}</Note>;
  else {
    body = (
      <div className={answer.isPlaceholderData ? 'stack is-refreshing' : 'stack'} aria-busy={answer.isPlaceholderData || undefined}>
        <Results answer={answer.data} onExclude={(id) => setExclude([...exclude, id])} />
        <SaveGroup request={request} />
      </div>
    );
  }

  return (
    <>
      <PageHeader title={m.title} intro={m.intro} />
      <p className="privacy-line" data-testid="pilot-note">
        {m.note} {t.access.audited}
      </p>
      {refused ? null : (
        <div className="card page-toolbar pilot-toolbar">
          <PeriodPicker answered={answer.data?.period} />
          <SizeSlider size={size} onChange={(n) => setParams({ size: n === defaultSize ? null : String(n) })} />
          <QuotaEditor quotas={quotas} onChange={(next) => setParams({ quotas: formatQuotas(next) })} />
          {filters.department || filters.location ? <p className="muted small pilot-pool">{m.poolNote([filters.department, filters.location].filter(Boolean).join(', '))}</p> : null}
          <Exclusions ids={exclude} names={names} onChange={setExclude} filters={filters} />
        </div>
      )}
      {body}
      {refused || !meta.data?.dataPeriod.from ? null : (
        <>
          <SavedGroups />
          <TandemsSection period={period} department={filters.department} />
        </>
      )}
    </>
  );
}

/** The size slider; the URL (and so the request) follows when the value rests for a moment. */
function SizeSlider({ size, onChange }: { size: number; onChange: (n: number) => void }) {
  const m = useMessages();
  const { locale } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(size);
  useEffect(() => setDraft(size), [size]);
  useEffect(() => {
    if (draft === size) return;
    const timer = setTimeout(() => onChange(draft), 250);
    return () => clearTimeout(timer);
  }, [draft, size, onChange]);
  return (
    <div className="filter-group pilot-size">
      <label htmlFor={id}>{m.size}</label>
      <input id={id} type="range" min={1} max={maxSize} step={1} value={draft} onChange={(e) => setDraft(Number(e.target.value))} data-testid="pilot-size" />
      <output htmlFor={id} className="pilot-size-value" data-testid="pilot-size-value">
        {m.sizeValue(formatNumber(draft, locale))}
      </output>
    </div>
  );
}

interface DraftQuota {
  by: Quota['by'];
  group: string;
  min: string;
  max: string;
}

const toDraft = (q: Quota): DraftQuota => ({ by: q.by, group: q.group, min: q.min === undefined ? '' : String(q.min), max: q.max === undefined ? '' : String(q.max) });

/** Complete rows become quotas (a group and min or max); the rest stay drafts on the page. */
function completeQuotas(rows: DraftQuota[]): Quota[] {
  return rows
    .filter((r) => r.group && (r.min !== '' || r.max !== ''))
    .map((r) => ({ by: r.by, group: r.group, ...(r.min !== '' ? { min: Number(r.min) } : {}), ...(r.max !== '' ? { max: Number(r.max) } : {}) }));
}

function QuotaEditor({ quotas, onChange }: { quotas: Quota[]; onChange: (next: Quota[]) => void }) {
  const m = useMessages();
  const meta = useQuery(metaQuery());
  const [rows, setRows] = useState<DraftQuota[]>(() => quotas.map(toDraft));
  const key = formatQuotas(quotas);
  useEffect(() => {
    // The URL changed from outside (back button, shared link): show its quotas.
    if (formatQuotas(completeQuotas(rows)) !== key) setRows(quotas.map(toDraft));
  }, [key]);
  const update = (next: DraftQuota[]) => {
    setRows(next);
    const complete = completeQuotas(next);
    if (formatQuotas(complete) !== key) onChange(complete);
  };
  const groups = (by: Quota['by']) => (by === 'department' ? meta.data?.departments : meta.data?.locations) ?? [];
  return (
    <fieldset className="pilot-quotas" data-testid="quota-editor">
      <legend>
        {m.quotas} <span className="muted small">{m.quotasHint}</span>
      </legend>
      {rows.map((row, i) => (
        <div className="pilot-quota-row" key={i} data-testid="quota-row">
          <select aria-label={`${m.quotas} ${i + 1}`} value={row.by} onChange={(e) => update(rows.map((r, j) => (j === i ? { ...r, by: e.target.value as Quota['by'], group: '' } : r)))}>
            <option value="department">{m.department}</option>
            <option value="location">{m.location}</option>
          </select>
          <select aria-label={row.by === 'department' ? m.department : m.location} value={row.group} onChange={(e) => update(rows.map((r, j) => (j === i ? { ...r, group: e.target.value } : r)))} data-testid="quota-group">
            <option value="">{m.chooseGroup}</option>
            {groups(row.by).map((g) => (
              // Like the filter bar: groups below the minimum size are listed but cannot be chosen.
              <option key={g.name} value={g.name} disabled={g.suppressed}>
                {g.suppressed ? `${g.name} (${m.tooSmall})` : g.name}
              </option>
            ))}
          </select>
          <label>
            {m.min}
            <input type="number" min={0} max={maxSize} value={row.min} onChange={(e) => update(rows.map((r, j) => (j === i ? { ...r, min: e.target.value } : r)))} data-testid="quota-min" />
          </label>
          <label>
            {m.max}
            <input type="number" min={0} max={maxSize} value={row.max} onChange={(e) => update(rows.map((r, j) => (j === i ? { ...r, max: e.target.value } : r)))} data-testid="quota-max" />
          </label>
          <button type="button" className="button small-button" aria-label={m.removeQuota} title={m.removeQuota} onClick={() => update(rows.filter((_, j) => j !== i))}>
            ✕
          </button>
        </div>
      ))}
      <button type="button" className="button small-button" onClick={() => setRows([...rows, { by: 'department', group: '', min: '1', max: '' }])} data-testid="add-quota">
        + {m.addQuota}
      </button>
    </fieldset>
  );
}

/** Excluded people as chips, and a name search over the period's ranking to exclude more. */
function Exclusions({ ids, names, onChange, filters }: { ids: string[]; names: Record<string, string>; onChange: (ids: string[]) => void; filters: Filters }) {
  const m = useMessages();
  const { lang } = useI18n();
  const listId = useId();
  const [searching, setSearching] = useState(false);
  const [text, setText] = useState('');
  // The ranking of the period (the influencers page's query, so usually cached): loaded on first focus.
  const ranking = useQuery({ ...influencersQuery({ from: filters.from, to: filters.to }, lang), enabled: searching });
  const people = useMemo(() => (ranking.data?.items ?? []).filter((p) => p.displayName).map((p) => ({ id: p.personId, label: `${p.displayName} (${p.department ?? '–'})` })), [ranking.data]);
  // A typed or chosen name that matches a person excludes them (also when the list arrives later).
  useEffect(() => {
    const found = text ? people.find((p) => p.label === text) : undefined;
    if (!found) return;
    if (!ids.includes(found.id)) onChange([...ids, found.id]);
    setText('');
  }, [text, people, ids, onChange]);
  return (
    <div className="pilot-exclusions" data-testid="exclusions">
      <span className="segmented-label">{m.exclusions}</span>
      <input
        type="search"
        className="pilot-exclude-search"
        list={listId}
        value={text}
        placeholder={m.searchPerson}
        aria-label={m.searchPerson}
        onFocus={() => setSearching(true)}
        onChange={(e) => setText(e.target.value)}
        data-testid="exclude-search"
      />
      <datalist id={listId}>
        {people.map((p) => (
          <option key={p.id} value={p.label} />
        ))}
      </datalist>
      {ids.length === 0 ? (
        <span className="muted small">{m.noExclusions}</span>
      ) : (
        <>
          {ids.map((id) => (
            <button key={id} type="button" className="chip" onClick={() => onChange(ids.filter((x) => x !== id))} title={m.includeAgain(names[id] ?? id)} aria-label={m.includeAgain(names[id] ?? id)}>
              {names[id] ?? id} <span aria-hidden="true">✕</span>
            </button>
          ))}
          <button type="button" className="button small-button" onClick={() => onChange([])}>
            {m.clearExclusions}
          </button>
        </>
      )}
    </div>
  );
}

const num = (label: string, info?: string): DataColumnMeta => ({ label, info, numeric: true });

function Results({ answer, onExclude }: { answer: PilotAnswer; onExclude: (personId: string) => void }) {
  const m = useMessages();
  const { locale } = useI18n();
  const gain = answer.reached - answer.baseline.reached;
  // A folded "(other)" below the minimum group size has no figures: it is in neither count.
  const departments = answer.departmentCoverage.filter((g) => g.reached !== null).length;

  const memberColumns = useMemo<ColumnDef<PilotAnswer['members'][number]>[]>(
    () => [
      { id: 'position', header: m.position, accessorFn: (_row, i) => i + 1, meta: num(m.position) },
      {
        id: 'name',
        header: m.name,
        accessorFn: (r) => r.displayName ?? r.personId,
        cell: ({ row }) => (
          <Link to={personPath(row.original.personId)} className="person-link">
            {row.original.displayName ?? row.original.personId}
          </Link>
        ),
        meta: { label: m.name, wrap: true },
      },
      { id: 'department', header: m.department, accessorFn: (r) => r.department ?? '–', meta: { label: m.department } },
      { id: 'location', header: m.location, accessorFn: (r) => r.location ?? '–', meta: { label: m.location } },
      { id: 'rank', header: m.rank, accessorFn: (r) => r.rank, cell: ({ getValue }) => (getValue() === null ? '–' : formatNumber(getValue() as number, locale)), meta: num(m.rank, m.rankInfo) },
      { id: 'reach', header: m.ownReach, accessorFn: (r) => r.reach, cell: ({ getValue }) => formatNumber(getValue() as number, locale), meta: num(m.ownReach, m.ownReachInfo) },
      { id: 'gain', header: m.marginalGain, accessorFn: (r) => r.marginalGain, cell: ({ getValue }) => `+${formatNumber(getValue() as number, locale)}`, meta: num(m.marginalGain, m.marginalGainInfo) },
      { id: 'cumulative', header: m.cumulative, accessorFn: (r) => r.cumulativeCoverage, cell: ({ getValue }) => formatNumber(getValue() as number, locale), meta: num(m.cumulative, m.cumulativeInfo) },
      { id: 'share', header: m.cumulativeShare, accessorFn: (r) => r.cumulativeShare, cell: ({ getValue }) => formatPercent(getValue() as number, locale), meta: num(m.cumulativeShare) },
      {
        id: 'action',
        header: m.action,
        enableSorting: false,
        accessorFn: () => '',
        cell: ({ row }) => {
          const label = `${m.exclude}: ${row.original.displayName ?? row.original.personId}`;
          return (
            <button type="button" className="button small-button" onClick={() => onExclude(row.original.personId)} title={label} aria-label={label} data-testid="exclude-member">
              ✕
            </button>
          );
        },
        meta: { label: m.action },
      },
    ],
    [m, locale, onExclude],
  );

  return (
    <>
      <div className="kpi-grid" data-testid="pilot-kpis">
        <StatCard
          label={m.reached}
          info={m.reachedInfo}
          value={answer.reached}
          text={formatPercent(answer.coverage, locale)}
          note={m.reachedText(formatNumber(answer.reached, locale), formatNumber(answer.population, locale))}
          testId="pilot-reached"
        />
        <StatCard
          label={m.versusBaseline}
          info={m.versusBaselineInfo}
          value={gain}
          text={gain > 0 ? `+${formatNumber(gain, locale)}` : formatNumber(gain, locale)}
          note={
            <>
              {m.baselineText(formatNumber(answer.baseline.reached, locale), formatPercent(answer.baseline.coverage, locale))}
              <br />
              {gain > 0 ? m.gain(formatNumber(gain, locale)) : m.noGain}
            </>
          }
          testId="pilot-gain"
        />
        <StatCard
          label={m.departmentsReached}
          info={m.departmentsReachedInfo}
          value={answer.departmentsCovered.length}
          text={m.departmentsText(formatNumber(answer.departmentsCovered.length, locale), formatNumber(departments, locale))}
          note={m.memberDepartments(formatNumber(answer.memberDepartments.length, locale), formatNumber(answer.baseline.memberDepartments.length, locale))}
          testId="pilot-departments"
        />
      </div>
      {answer.unknownExclusions.length > 0 ? <Note>{m.unknownExclusions(answer.unknownExclusions.join(', '))}</Note> : null}
      <CoverageChart curve={answer.curve} population={answer.population} />
      <DataTable title={m.members} rows={answer.members} columns={memberColumns} csvName={`pilotgruppe-${answer.period.from}-${answer.period.to}`} emptyText={m.noMembers} testId="pilot-members" pageSize={50} />
      <div className="pilot-coverage">
        <CoverageTable title={m.departmentCoverage} rows={answer.departmentCoverage} csvName={`pilot-abteilungen-${answer.period.from}-${answer.period.to}`} testId="pilot-department-coverage" minGroupSize={answer.minGroupSize} />
        <CoverageTable title={m.locationCoverage} rows={answer.locationCoverage} csvName={`pilot-standorte-${answer.period.from}-${answer.period.to}`} testId="pilot-location-coverage" minGroupSize={answer.minGroupSize} />
      </div>
      <section className="card" data-testid="pilot-unreached">
        <h2>{m.unreached}</h2>
        {answer.unreachedDepartments.length === 0 ? (
          <p className="muted">{m.allReached}</p>
        ) : (
          <ul className="pilot-unreached-list">
            {answer.unreachedDepartments.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function CoverageTable({ title, rows, csvName, testId, minGroupSize }: { title: string; rows: FoldedCoverage[]; csvName: string; testId: string; minGroupSize: number }) {
  const m = useMessages();
  const { locale } = useI18n();
  const columns = useMemo<ColumnDef<FoldedCoverage>[]>(
    () => [
      { id: 'group', header: m.group, accessorFn: (r) => r.group, meta: { label: m.group, wrap: true } },
      { id: 'people', header: m.people, accessorFn: (r) => r.people, cell: ({ getValue }) => (getValue() === null ? '–' : formatNumber(getValue() as number, locale)), meta: num(m.people) },
      { id: 'reached', header: m.reachedCol, accessorFn: (r) => r.reached, cell: ({ getValue }) => (getValue() === null ? '–' : formatNumber(getValue() as number, locale)), meta: num(m.reachedCol) },
      {
        id: 'share',
        header: m.share,
        accessorFn: (r) => r.share,
        cell: ({ getValue }) =>
          getValue() === null ? (
            '–'
          ) : (
            <span className="pilot-share">
              <span className="pilot-share-track" aria-hidden="true">
                <span className="pilot-share-bar" style={{ width: `${Math.round((getValue() as number) * 100)}%` }} />
              </span>
              <span>{formatPercent(getValue() as number, locale)}</span>
            </span>
          ),
        meta: num(m.share),
      },
    ],
    [m, locale],
  );
  const folded = rows.some((r) => r.group === '(other)');
  return <DataTable title={title} rows={rows} columns={columns} csvName={csvName} emptyText="–" testId={testId} pageSize={30} note={folded ? m.otherNote(formatNumber(minGroupSize, locale)) : undefined} />;
}

function SaveGroup({ request }: { request: PilotRequest }) {
  const m = useMessages();
  const id = useId();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const save = useMutation({
    mutationFn: () => saveGroup(name.trim(), request),
    onSuccess: () => client.invalidateQueries({ queryKey: ['pilot-groups'] }),
  });
  return (
    <form
      className="card pilot-save"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) save.mutate();
      }}
      data-testid="pilot-save"
    >
      <h2>{m.save}</h2>
      <div className="pilot-save-row">
        <label htmlFor={id}>{m.saveName}</label>
        <input id={id} type="text" maxLength={120} value={name} onChange={(e) => setName(e.target.value)} data-testid="pilot-save-name" />
        <button type="submit" className="button primary" disabled={!name.trim() || save.isPending} data-testid="pilot-save-button">
          {m.saveButton}
        </button>
      </div>
      {save.isError ? (
        <p className="form-error" role="alert">
          {save.error.message}
        </p>
      ) : save.isSuccess ? (
        <p className="muted small" role="status">
          {m.saved(save.data.name)}
        </p>
      ) : null}
    </form>
  );
}

function SavedGroups() {
  const m = useMessages();
  const { locale } = useI18n();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const groups = useQuery(savedGroupsQuery());
  const remove = useMutation({
    mutationFn: (g: SavedGroupSummary) => deleteGroup(g.groupId),
    onSuccess: (_data, g) => {
      if (params.get('a') === String(g.groupId)) setParams({ a: null });
      if (params.get('b') === String(g.groupId)) setParams({ b: null });
      return client.invalidateQueries({ queryKey: ['pilot-groups'] });
    },
  });
  const columns = useMemo<ColumnDef<SavedGroupSummary>[]>(
    () => [
      { id: 'name', header: m.name, accessorFn: (r) => r.name, meta: { label: m.name, wrap: true } },
      { id: 'period', header: m.period, accessorFn: (r) => `${formatDay(r.from, locale)} – ${formatDay(r.to, locale)}`, meta: { label: m.period } },
      { id: 'size', header: m.size, accessorFn: (r) => r.size, cell: ({ getValue }) => formatNumber(getValue() as number, locale), meta: num(m.size) },
      { id: 'reached', header: m.reachedCol, accessorFn: (r) => r.reached, cell: ({ getValue }) => formatNumber(getValue() as number, locale), meta: num(m.reachedCol) },
      { id: 'coverage', header: m.coverage, accessorFn: (r) => r.coverage, cell: ({ getValue }) => formatPercent(getValue() as number, locale), meta: num(m.coverage) },
      { id: 'createdAt', header: m.createdAt, accessorFn: (r) => r.createdAt, cell: ({ getValue }) => formatDateTime(getValue() as string, locale), meta: { label: m.createdAt } },
      { id: 'createdBy', header: m.createdBy, accessorFn: (r) => r.createdBy, meta: { label: m.createdBy } },
      {
        id: 'action',
        header: m.action,
        enableSorting: false,
        accessorFn: () => '',
        cell: ({ row }) => (
          <span className="pilot-actions">
            <a className="button small-button" href={savedGroupCsvHref(row.original.groupId)} download>
              CSV
            </a>
            <button
              type="button"
              className="button small-button"
              disabled={remove.isPending}
              onClick={() => {
                if (window.confirm(m.confirmDelete(row.original.name))) remove.mutate(row.original);
              }}
            >
              {m.delete}
            </button>
          </span>
        ),
        meta: { label: m.action },
      },
    ],
    [m, locale, remove],
  );
  if (groups.isError) return <ErrorState error={groups.error} onRetry={() => groups.refetch()} />;
  if (groups.isPending) return <Loading lines={3} />;
  const items = groups.data;
  return (
    <div className="stack pilot-saved">
      <DataTable title={m.savedGroups} rows={items} columns={columns} csvName="pilotgruppen" emptyText={m.noSaved} testId="pilot-saved" />
      <Comparison groups={items} />
    </div>
  );
}

function Comparison({ groups }: { groups: SavedGroupSummary[] }) {
  const m = useMessages();
  const { locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const ids = { a: useId(), b: useId() };
  const a = Number(params.get('a')) || null;
  const b = Number(params.get('b')) || null;
  const valid = (id: number | null) => id !== null && groups.some((g) => g.groupId === id);
  const compare = useQuery({ ...compareGroupsQuery(a ?? 0, b ?? 0), enabled: valid(a) && valid(b) });
  if (groups.length < 2) {
    return (
      <section className="card" data-testid="pilot-compare">
        <h2>{m.compare}</h2>
        <p className="muted">{m.compareNeedTwo}</p>
      </section>
    );
  }
  const select = (key: 'a' | 'b', value: number | null) => (
    <div className="filter-group">
      <label htmlFor={ids[key]}>{key === 'a' ? m.compareA : m.compareB}</label>
      <select id={ids[key]} value={value ?? ''} onChange={(e) => setParams({ [key]: e.target.value || null })} data-testid={`compare-pick-${key}`}>
        <option value="">{m.chooseGroup}</option>
        {groups.map((g) => (
          <option key={g.groupId} value={g.groupId}>
            {g.name}
          </option>
        ))}
      </select>
    </div>
  );
  const c = compare.data;
  return (
    <section className="card" data-testid="pilot-compare">
      <h2>{m.compare}</h2>
      <p className="muted small">{m.compareHint}</p>
      <div className="pilot-compare-pick">
        {select('a', a)}
        {select('b', b)}
      </div>
      {compare.isError ? (
        <ErrorState error={compare.error} onRetry={() => compare.refetch()} />
      ) : compare.isFetching && !c ? (
        <Loading lines={2} />
      ) : c ? (
        <>
          <div className="kpi-grid pilot-compare-kpis">
            {[c.a, c.b].map((side, i) => (
              <StatCard
                key={i}
                label={side.name}
                info={m.reachedInfo}
                value={side.reached}
                text={formatPercent(side.coverage, locale)}
                note={
                  <>
                    {m.reachedText(formatNumber(side.reached, locale), formatNumber(c.population, locale))} · {m.sizeValue(formatNumber(side.size, locale))}
                    <br />
                    {m.onlyThis(formatNumber(side.onlyThis, locale))}
                  </>
                }
                testId={`compare-${i === 0 ? 'a' : 'b'}`}
              />
            ))}
            <StatCard
              label={m.union}
              info={m.reachedInfo}
              value={c.union.reached}
              text={formatPercent(c.union.coverage, locale)}
              note={
                <>
                  {m.reachedText(formatNumber(c.union.reached, locale), formatNumber(c.population, locale))}
                  <br />
                  {m.byBoth(formatNumber(c.reachedByBoth, locale))}
                </>
              }
              testId="compare-union"
            />
          </div>
          <h3 className="pilot-overlap-title">
            {m.overlap} ({formatNumber(c.overlap.size, locale)})
          </h3>
          {c.overlap.members.length === 0 ? <p className="muted">{m.overlapNone}</p> : <OverlapList members={c.overlap.members} />}
          {c.overlap.hidden > 0 ? <p className="muted small">{m.hiddenMembers(formatNumber(c.overlap.hidden, locale))}</p> : null}
        </>
      ) : null}
    </section>
  );
}

function OverlapList({ members }: { members: GroupMember[] }) {
  return (
    <ul className="pilot-overlap" data-testid="compare-overlap">
      {members.map((p) => (
        <li key={p.personId}>
          <Link to={personPath(p.personId)}>{p.displayName ?? p.personId}</Link>
          <span className="muted small"> · {[p.department, p.location].filter(Boolean).join(', ')}</span>
        </li>
      ))}
    </ul>
  );
}

function PersonCell({ id, name, group }: { id: string; name: string | null; group: string | null }) {
  return (
    <span className="pilot-person">
      <Link to={personPath(id)}>{name ?? id}</Link>
      {group ? <span className="muted small">{group}</span> : null}
    </span>
  );
}

function TandemsSection({ period, department }: { period: { from?: string; to?: string }; department?: string }) {
  const m = useMessages();
  const { lang, locale } = useI18n();
  const meta = useQuery(metaQuery());
  const tandems = useQuery({ ...tandemsQuery(period, department, lang), placeholderData: keepPreviousData });
  const columns = useMemo<ColumnDef<Tandem>[]>(
    () => [
      {
        id: 'poster',
        header: m.poster,
        accessorFn: (r) => r.posterName ?? r.posterId,
        cell: ({ row }) => <PersonCell id={row.original.posterId} name={row.original.posterName} group={row.original.posterDepartment} />,
        meta: { label: m.poster, wrap: true },
      },
      { id: 'posterDepartment', header: m.department, accessorFn: (r) => r.posterDepartment ?? '', meta: { label: `${m.poster}: ${m.department}` } },
      { id: 'posterPosts', header: m.posts, accessorFn: (r) => r.posterPosts, cell: ({ getValue }) => formatNumber(getValue() as number, locale), meta: num(m.posts) },
      {
        id: 'hesitant',
        header: m.hesitant,
        accessorFn: (r) => r.hesitantName ?? r.hesitantId,
        cell: ({ row }) => <PersonCell id={row.original.hesitantId} name={row.original.hesitantName} group={row.original.hesitantDepartment} />,
        meta: { label: m.hesitant, wrap: true },
      },
      { id: 'hesitantDepartment', header: m.department, accessorFn: (r) => r.hesitantDepartment ?? '', meta: { label: `${m.hesitant}: ${m.department}` } },
      { id: 'score', header: m.score, accessorFn: (r) => r.score, cell: ({ getValue }) => formatDecimal(getValue() as number, locale, 1), meta: num(m.score, m.scoreInfo) },
      { id: 'reason', header: m.reason, accessorFn: (r) => r.reason, meta: { label: m.reason, wrap: true } },
    ],
    [m, locale],
  );
  let content;
  if (tandems.isError) content = <ErrorState error={tandems.error} onRetry={() => tandems.refetch()} />;
  else if (tandems.isPending) content = <Loading lines={4} />;
  else if (tandems.data.suppressed) content = <PrivacyNote minGroupSize={meta.data?.minGroupSize} />;
  else {
    const s = tandems.data.settings;
    content = (
      <DataTable
        title={m.tandemPairs}
        rows={tandems.data.items}
        csvOnly={['posterDepartment', 'hesitantDepartment']}
        columns={columns}
        csvName={`tandems-${tandems.data.period?.from ?? ''}-${tandems.data.period?.to ?? ''}`}
        emptyText={m.noTandems}
        testId="pilot-tandems"
        note={m.tandemsSettings(formatNumber(s.minPosts, locale), formatNumber(s.maxItems, locale), formatNumber(s.minReads, locale), formatNumber(s.maxPerPoster, locale))}
        actions={
          tandems.data.items.length > 0 ? (
            <a className="button" href={tandemsCsvHref(period, department, lang)} download>
              ⤓ {m.csvServer}
            </a>
          ) : null
        }
      />
    );
  }
  return (
    <section className={tandems.isPlaceholderData ? 'stack pilot-tandems is-refreshing' : 'stack pilot-tandems'} aria-label={m.tandems}>
      <h2 className="pilot-section-title">{m.tandems}</h2>
      <p className="muted pilot-section-intro">{m.tandemsIntro}</p>
      {content}
    </section>
  );
}

// Ambassador programmes: pick a programme and a window; the members' internal reach, engagement
// and posting before and after joining against a matched comparison group, the weekly external
// followers of the members against the corporate account (with the week they overtake it), the
// voice share per month, and — for the person area only — the members one by one. Programme and
// window live in the URL.
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useId, useMemo, type ReactNode } from 'react';
import { accessFor } from '../components/common/AccessNote';
import { PageHeader } from '../components/common/PageHeader';
import { StatCard } from '../components/common/StatCard';
import { EmptyDatabase, ErrorState, Loading, Note } from '../components/common/States';
import { CommentsChart, FollowersChart, ImpactBars, VoiceChart, weekOfDay } from '../components/charts/ProgrammeCharts';
import { DataTable, type DataColumnMeta } from '../components/tables/DataTable';
import { formatDay, formatDecimal, formatNumber, formatPercent, formatPeriod } from '../lib/format';
import { useI18n } from '../lib/i18n';
import { programmeMessages, type ProgrammeMessages } from '../lib/messages/programmes';
import {
  defaultWindow,
  programmeCsvHref,
  programmeExternalQuery,
  programmeImpactQuery,
  programmeMembersQuery,
  programmesQuery,
  programmeVoiceQuery,
  windowChoices,
  type ExternalWeek,
  type ImpactFigures,
  type ImpactGroup,
  type MemberRow,
  type ProgrammeImpactAnswer,
  type ProgrammeRow,
  type VoiceMonth,
} from '../lib/programme-queries';
import { metaQuery } from '../lib/queries';
import { useSearchParams } from '../lib/url-state';

const figureKeys = ['reach', 'engagement', 'posting'] as const;

function CsvLink({ href, m }: { href: string; m: ProgrammeMessages }) {
  return (
    <a className="button" href={href} download title={m.csvTitle}>
      <span aria-hidden="true">⤓ </span>
      {m.csv}
    </a>
  );
}

const col = (label: string, extra: Partial<DataColumnMeta> = {}): DataColumnMeta => ({ label, ...extra });

/** A numeric column of `id`: `show` formats a value; null (a suppressed figure) shows `missing`. */
function numberColumn<T>(id: keyof T & string, label: string, show: (v: number) => string, missing: ReactNode): ColumnDef<T> {
  return {
    id,
    accessorKey: id,
    header: label,
    meta: col(label, { numeric: true }),
    cell: ({ getValue }) => {
      const v = getValue<number | null>();
      return v === null ? missing : show(v);
    },
  };
}

export function ProgrammesPage() {
  const { lang, locale } = useI18n();
  const m = programmeMessages[lang];
  const [params, setParams] = useSearchParams();
  const meta = useQuery(metaQuery());
  const list = useQuery(programmesQuery());
  const pickerId = useId();
  const windowId = useId();

  const asked = params.get('programme');
  const windowParam = Number(params.get('window'));
  const window = (windowChoices as readonly number[]).includes(windowParam) ? windowParam : defaultWindow;
  const items = list.data?.items ?? [];
  const chosen = items.find((p) => p.name === asked) ?? items[0] ?? null;

  const controls = (
    <div className="section-head">
      <div className="filter-group">
        <label htmlFor={pickerId}>{m.programme}</label>
        <select id={pickerId} data-testid="programme-picker" value={chosen?.name ?? ''} disabled={items.length === 0} onChange={(e) => setParams({ programme: e.target.value })}>
          {items.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-group">
        <label htmlFor={windowId}>{m.window}</label>
        <select id={windowId} data-testid="window-picker" value={window} onChange={(e) => setParams({ window: Number(e.target.value) === defaultWindow ? null : e.target.value })}>
          {windowChoices.map((w) => (
            <option key={w} value={w}>
              {m.windowDays(formatNumber(w, locale))}
            </option>
          ))}
        </select>
      </div>
    </div>
  );

  let body;
  if (meta.isError) body = <ErrorState error={meta.error} onRetry={() => meta.refetch()} />;
  else if (list.isError) body = <ErrorState error={list.error} onRetry={() => list.refetch()} />;
  else if (meta.isPending || list.isPending) body = <Loading lines={6} />;
  else if (!meta.data.dataPeriod.from && items.length === 0) body = <EmptyDatabase />;
  else if (!chosen) {
    body = (
      <Note>
        <p data-testid="no-programmes">
          <strong>{m.noProgrammes}</strong>
        </p>
        <p>{m.noProgrammesHint}</p>
      </Note>
    );
  } else {
    const personAllowed = accessFor('person', meta.data.access) === 'allowed';
    body = (
      <div className="stack">
        {asked && asked !== chosen.name ? <Note>{m.unknownProgramme(asked)}</Note> : null}
        <ProgrammeList items={items} asOf={list.data.asOf} m={m} />
        <ImpactSection name={chosen.name} window={window} m={m} />
        <ExternalSection name={chosen.name} m={m} />
        <VoiceSection name={chosen.name} m={m} />
        {personAllowed ? <MembersSection name={chosen.name} window={window} m={m} /> : <Note>{m.membersRefused}</Note>}
      </div>
    );
  }

  return (
    <>
      <PageHeader title={m.title} intro={m.intro}>
        {items.length > 0 ? controls : null}
      </PageHeader>
      {body}
    </>
  );
}

function ProgrammeList({ items, asOf, m }: { items: ProgrammeRow[]; asOf: string | null; m: ProgrammeMessages }) {
  const { locale } = useI18n();
  const columns = useMemo<ColumnDef<ProgrammeRow>[]>(
    () => [
      { id: 'name', accessorKey: 'name', header: m.name, meta: col(m.name, { wrap: true }) },
      { id: 'membersNow', accessorKey: 'membersNow', header: m.membersNow, meta: col(m.membersNow, { numeric: true }), cell: ({ getValue }) => formatNumber(getValue<number>(), locale) },
      { id: 'joined', accessorKey: 'joined', header: m.joined, meta: col(m.joined, { numeric: true }), cell: ({ getValue }) => formatNumber(getValue<number>(), locale) },
      { id: 'left', accessorKey: 'left', header: m.left, meta: col(m.left, { numeric: true }), cell: ({ getValue }) => formatNumber(getValue<number>(), locale) },
      { id: 'firstJoin', accessorKey: 'firstJoin', header: m.firstJoin, meta: col(m.firstJoin), cell: ({ getValue }) => formatDay(getValue<string>(), locale) },
      { id: 'lastJoin', accessorKey: 'lastJoin', header: m.lastJoin, meta: col(m.lastJoin), cell: ({ getValue }) => formatDay(getValue<string>(), locale) },
    ],
    [m, locale],
  );
  return (
    <DataTable
      title={m.listTitle}
      rows={items}
      columns={columns}
      emptyText={m.noProgrammes}
      testId="programme-list"
      note={asOf ? m.asOf(formatDay(asOf, locale)) : undefined}
      actions={<CsvLink href={programmeCsvHref.list()} m={m} />}
    />
  );
}

interface ImpactRow {
  group: keyof ProgrammeMessages['groups'];
  people: number;
  figure: (typeof figureKeys)[number];
  before: number | null;
  after: number | null;
  change: number | null;
}

function impactRows(answer: ProgrammeImpactAnswer): ImpactRow[] {
  const groups: Array<[ImpactRow['group'], ImpactGroup]> = [
    ['members', answer.memberGroup],
    ['matchedMembers', answer.matchedMemberGroup],
    ['comparison', answer.comparisonGroup],
  ];
  const rows: ImpactRow[] = [];
  for (const [group, g] of groups) for (const figure of figureKeys) rows.push({ group, people: g.people, figure, before: g.before?.[figure] ?? null, after: g.after?.[figure] ?? null, change: g.change?.[figure] ?? null });
  for (const figure of figureKeys) rows.push({ group: 'differenceInDifferences', people: answer.matched, figure, before: null, after: null, change: answer.differenceInDifferences?.[figure] ?? null });
  return rows;
}

const decimal = (v: number | null, locale: string) => (v === null ? '–' : formatDecimal(v, locale, 1));
const signed = (v: number | null, locale: string) => (v === null ? '–' : Math.abs(v) < 0.05 ? formatDecimal(0, locale, 1) : `${v > 0 ? '+' : '−'}${formatDecimal(Math.abs(v), locale, 1)}`);

function ImpactSection({ name, window, m }: { name: string; window: number; m: ProgrammeMessages }) {
  const { locale } = useI18n();
  const impact = useQuery(programmeImpactQuery(name, window));
  const columns = useMemo<ColumnDef<ImpactRow>[]>(
    () => [
      { id: 'group', accessorFn: (r) => m.groups[r.group], header: m.group, meta: col(m.group, { wrap: true }) },
      { id: 'figure', accessorFn: (r) => m.figure[r.figure], header: m.figureLabel, meta: col(m.figureLabel, { wrap: true }) },
      { id: 'people', accessorKey: 'people', header: m.people, meta: col(m.people, { numeric: true }), cell: ({ getValue }) => formatNumber(getValue<number>(), locale) },
      { id: 'before', accessorKey: 'before', header: m.before, meta: col(m.before, { numeric: true }), cell: ({ getValue }) => decimal(getValue<number | null>(), locale) },
      { id: 'after', accessorKey: 'after', header: m.after, meta: col(m.after, { numeric: true }), cell: ({ getValue }) => decimal(getValue<number | null>(), locale) },
      { id: 'change', accessorKey: 'change', header: m.change, meta: col(m.change, { numeric: true }), cell: ({ getValue }) => signed(getValue<number | null>(), locale) },
    ],
    [m, locale],
  );
  if (impact.isError) return <ErrorState error={impact.error} onRetry={() => impact.refetch()} />;
  if (impact.isPending) return <Loading lines={4} />;
  const a = impact.data;
  const min = formatNumber(a.minGroupSize, locale);
  const did = a.differenceInDifferences;
  return (
    <section className={impact.isFetching ? 'stack is-refreshing' : 'stack'} data-testid="programme-impact">
      <div>
        <h2 className="section-title">{m.impactTitle}</h2>
        <p className="muted">
          {m.impactIntro(formatNumber(window, locale))} {m.impactCounts(formatNumber(a.evaluated, locale), formatNumber(a.matched, locale), formatNumber(a.notEvaluable, locale))}
        </p>
      </div>
      {a.memberGroup.suppressed ? (
        <Note>{m.impactSuppressed(min)}</Note>
      ) : (
        <>
          <div className="kpi-grid">
            {figureKeys.map((k) => (
              <StatCard
                key={k}
                label={m.didOf(m.figure[k])}
                info={`${m.figureInfo[k]} ${m.didInfo}`}
                text={did ? signed(did[k], locale) : '–'}
                value={did ? did[k] : null}
                testId={`did-${k}`}
                note={did ? m.didNote(formatNumber(a.matched, locale)) : m.impactSuppressed(min)}
              />
            ))}
          </div>
          <ImpactBars members={a.memberGroup} comparison={a.comparisonGroup} title={m.impactTitle} note={a.comparisonGroup.suppressed ? m.impactSuppressed(min) : m.perThirtyDays} />
        </>
      )}
      <DataTable title={m.impactTable} rows={impactRows(a)} columns={columns} emptyText={m.noMembers} testId="impact-table" pageSize={12} actions={<CsvLink href={programmeCsvHref.impact(name, window)} m={m} />} />
    </section>
  );
}

function ExternalSection({ name, m }: { name: string; m: ProgrammeMessages }) {
  const { locale } = useI18n();
  const external = useQuery(programmeExternalQuery(name));
  const columns = useMemo<ColumnDef<ExternalWeek>[]>(() => {
    const n = (id: keyof ExternalWeek & string, label: string) => numberColumn<ExternalWeek>(id, label, (v) => formatNumber(v, locale), <span className="muted">{m.suppressedShort}</span>);
    return [
      { id: 'week', accessorKey: 'week', header: m.week, meta: col(m.week), cell: ({ getValue }) => formatPeriod(getValue<string>(), 'week', locale) },
      n('memberAccounts', m.memberAccounts),
      n('membersFollowers', m.membersFollowers),
      n('corporateFollowers', m.corporateFollowers),
      n('membersImpressions', m.membersImpressions),
      n('corporateImpressions', m.corporateImpressions),
      n('membersComments', m.membersComments),
      n('corporateComments', m.corporateComments),
    ];
  }, [m, locale]);
  if (external.isError) return <ErrorState error={external.error} onRetry={() => external.refetch()} />;
  if (external.isPending) return <Loading lines={4} />;
  const e = external.data;
  const crossingText = e.crossing ? m.crossingAt(formatPeriod(e.crossing.week, 'week', locale), formatNumber(e.crossing.daysAfterStart, locale)) : m.notYet;
  const deadline = e.deadline ? formatDay(e.deadline, locale) : '';
  const verdict = e.withinSixMonths === true ? m.within(deadline) : e.withinSixMonths === false ? m.notWithin(deadline) : '';
  return (
    <section className="stack" data-testid="programme-external">
      <div>
        <h2 className="section-title">{m.externalTitle}</h2>
        <p className="muted">{m.externalIntro}</p>
      </div>
      {e.weeks.length === 0 ? (
        <Note>{m.noExternal}</Note>
      ) : (
        <>
          <p className="card" data-testid="crossing" data-week={e.crossing?.week ?? ''}>
            <strong>{crossingText}</strong> {verdict}
          </p>
          <FollowersChart
            weeks={e.weeks}
            crossingWeek={e.crossing?.week ?? null}
            deadlineWeek={weekOfDay(e.weeks, e.deadline)}
            title={m.followers}
            note={e.start ? `${m.start}: ${formatDay(e.start, locale)}` : undefined}
          />
          <CommentsChart weeks={e.weeks} title={m.comments} />
          <DataTable title={m.externalTable} rows={e.weeks} columns={columns} emptyText={m.noExternal} testId="external-table" pageSize={26} actions={<CsvLink href={programmeCsvHref.external(name)} m={m} />} />
        </>
      )}
    </section>
  );
}

function VoiceSection({ name, m }: { name: string; m: ProgrammeMessages }) {
  const { locale } = useI18n();
  const voice = useQuery(programmeVoiceQuery(name));
  const columns = useMemo<ColumnDef<VoiceMonth>[]>(() => {
    const num = (id: keyof VoiceMonth & string, label: string) => numberColumn<VoiceMonth>(id, label, (v) => formatNumber(v, locale), <span className="muted">{m.suppressedShort}</span>);
    const pct = (id: keyof VoiceMonth & string, label: string) => numberColumn<VoiceMonth>(id, label, (v) => formatPercent(v, locale), '–');
    return [
      { id: 'period', accessorKey: 'period', header: m.month, meta: col(m.month), cell: ({ getValue }) => formatPeriod(getValue<string>(), 'month', locale) },
      num('employeeEngagement', m.employeeEngagement),
      num('officialEngagement', m.officialEngagement),
      pct('employeeShare', m.employeeShare),
      num('members', m.membersInMonth),
      num('memberEngagement', m.memberEngagement),
      pct('memberShare', m.memberShare),
    ];
  }, [m, locale]);
  if (voice.isError) return <ErrorState error={voice.error} onRetry={() => voice.refetch()} />;
  if (voice.isPending) return <Loading lines={3} />;
  const items = voice.data.items;
  return (
    <section className="stack" data-testid="programme-voice">
      <div>
        <h2 className="section-title">{m.voiceTitle}</h2>
        <p className="muted">{m.voiceIntro}</p>
      </div>
      {items.length === 0 ? (
        <Note>{m.noVoice}</Note>
      ) : (
        <>
          <VoiceChart items={items} title={m.voiceTitle} />
          <DataTable title={m.voiceTable} rows={items} columns={columns} emptyText={m.noVoice} testId="voice-table" pageSize={24} actions={<CsvLink href={programmeCsvHref.voice(name)} m={m} />} />
        </>
      )}
    </section>
  );
}

function MembersSection({ name, window, m }: { name: string; window: number; m: ProgrammeMessages }) {
  const { locale } = useI18n();
  const members = useQuery(programmeMembersQuery(name, window));
  const columns = useMemo<ColumnDef<MemberRow>[]>(() => {
    const change = (k: keyof ImpactFigures, of: 'member' | 'match'): ColumnDef<MemberRow> => {
      const label = of === 'member' ? m.changeOf(m.figure[k]) : m.comparisonChangeOf(m.figure[k]);
      return {
        id: `${of}-${k}`,
        accessorFn: (r) => (of === 'member' ? (r.change?.[k] ?? null) : (r.match?.change[k] ?? null)),
        header: label,
        meta: col(label, { numeric: true, info: m.figureInfo[k] }),
        cell: ({ getValue }) => signed(getValue<number | null>(), locale),
      };
    };
    return [
      { id: 'member', accessorFn: (r) => r.displayName ?? r.personId, header: m.member, meta: col(m.member, { wrap: true }) },
      { id: 'department', accessorFn: (r) => r.department ?? '', header: m.department, meta: col(m.department, { wrap: true }) },
      { id: 'joinedOn', accessorKey: 'joinedOn', header: m.joinedOn, meta: col(m.joinedOn), cell: ({ getValue }) => formatDay(getValue<string>(), locale) },
      {
        id: 'windowDays',
        accessorFn: (r) => r.windowDays,
        header: m.days,
        meta: col(m.days, { numeric: true }),
        cell: ({ row }) => (row.original.windowDays === null ? <span className="muted">{m.notEvaluable}</span> : formatNumber(row.original.windowDays, locale)),
      },
      ...figureKeys.map((k) => change(k, 'member')),
      {
        id: 'match',
        accessorFn: (r) => (r.match ? (r.match.hidden ? m.hiddenPerson : (r.match.displayName ?? r.match.personId ?? '')) : ''),
        header: m.comparisonPerson,
        meta: col(m.comparisonPerson, { wrap: true }),
      },
      ...figureKeys.map((k) => change(k, 'match')),
    ];
  }, [m, locale]);
  if (members.isError) return <ErrorState error={members.error} onRetry={() => members.refetch()} />;
  if (members.isPending) return <Loading lines={4} />;
  const d = members.data;
  return (
    <section className="stack" data-testid="programme-members">
      <div>
        <h2 className="section-title">{m.membersTitle}</h2>
        <p className="muted">{m.membersIntro}</p>
      </div>
      <DataTable
        title={m.membersTitle}
        rows={d.items}
        columns={columns}
        emptyText={m.noMembers}
        testId="members-table"
        pageSize={25}
        note={d.hiddenOptedOut > 0 ? m.hiddenOptedOut(formatNumber(d.hiddenOptedOut, locale)) : undefined}
        actions={<CsvLink href={programmeCsvHref.members(name, window)} m={m} />}
      />
    </section>
  );
}

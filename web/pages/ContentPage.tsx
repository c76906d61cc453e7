// Content: which posts start a dialogue. Key figures of the posts created in the period with their
// change against the previous period, the format mix, the question effect, the voice share of
// employees against official accounts, shared external posts, the top posts and the open
// questions as tables with CSV, and activity and reach per space. Every part reads the period
// and groups of the URL and says why it is empty when it is.
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { FormatMixChart, QuestionComparison, SyndicatedComparison, VoiceShareChart } from '../components/charts/ContentCharts';
import { KpiCard } from '../components/common/KpiCard';
import { PageHeader } from '../components/common/PageHeader';
import { Panel, PanelState } from '../components/common/Panel';
import { EmptyDatabase, ErrorState, Loading, PrivacyNote } from '../components/common/States';
import { DataTable, type DataColumnMeta } from '../components/tables/DataTable';
import { chartFilterOf, type ChartFilter } from '../lib/adoption-queries';
import {
  contentSummaryQuery,
  formatsCsvHref,
  formatsQuery,
  listLimit,
  questionsQuery,
  spacesCsvHref,
  spacesQuery,
  syndicatedCsvHref,
  syndicatedQuery,
  topPostsCsvHref,
  topPostsQuery,
  unansweredCsvHref,
  voiceShareCsvHref,
  voiceShareQuery,
  type ContentSummaryRow,
  type SpaceItem,
  type TopPostRow,
  type UnansweredQuestionRow,
} from '../lib/content-queries';
import { useDefinitions, type DefinitionKey } from '../lib/definitions';
import { formatDay, formatDecimal, formatNumber, formatPercent } from '../lib/format';
import { useI18n } from '../lib/i18n';
import { useContentMessages } from '../lib/messages/content';
import { metaQuery } from '../lib/queries';
import { useFilters } from '../lib/url-state';

export function ContentPage() {
  const m = useContentMessages();
  const [filters] = useFilters();
  const meta = useQuery(metaQuery());
  const filter = chartFilterOf(filters, meta.data?.dataPeriod);
  const summary = useQuery({ ...contentSummaryQuery(filter ?? { from: '', to: '' }), enabled: filter !== null });

  let body;
  if (meta.isError) body = <ErrorState error={meta.error} onRetry={() => meta.refetch()} />;
  else if (meta.isPending) body = <Loading lines={6} />;
  else if (!filter) body = <EmptyDatabase />;
  else if (summary.isError) body = <ErrorState error={summary.error} onRetry={() => summary.refetch()} />;
  else if (summary.isPending) body = <Loading lines={6} />;
  else if (summary.data.suppressed) body = <PrivacyNote minGroupSize={meta.data.minGroupSize} />;
  else body = <ContentBody filter={filter} minGroupSize={meta.data.minGroupSize} />;

  return (
    <>
      <PageHeader title={m.title} intro={m.intro} />
      {body}
    </>
  );
}

function ContentBody({ filter, minGroupSize }: { filter: ChartFilter; minGroupSize: number }) {
  const { locale } = useI18n();
  const m = useContentMessages();
  const define = useDefinitions();
  const formats = useQuery(formatsQuery(filter));
  const questions = useQuery(questionsQuery(filter));
  const voice = useQuery(voiceShareQuery(filter));
  const syndicated = useQuery(syndicatedQuery(filter));
  const top = useQuery(topPostsQuery(filter));
  const spaces = useQuery(spacesQuery(filter));
  const postColumns = usePostColumns();
  const unansweredColumns = useUnansweredColumns();
  const spaceColumns = useSpaceColumns();
  const suppressed = (d: { suppressed: boolean }) => d.suppressed;
  const grouped = Boolean(filter.department || filter.location);

  return (
    <div className="stack">
      <p className="muted small">{m.periodNote(formatDay(filter.from, locale), formatDay(filter.to, locale))}</p>
      <KpiSection filter={filter} />
      <Panel title={m.formats.title} intro={m.formats.intro} info={define('formatShare')} csvHref={formatsCsvHref(filter)} csvTitle={m.csvTitle} testId="formats">
        <PanelState query={formats} testId="formats" suppressed={suppressed} minGroupSize={minGroupSize} emptyReason={(d) => (d.items.length === 0 ? m.noPosts : null)}>
          {(d) => <FormatMixChart items={d.items} />}
        </PanelState>
      </Panel>
      <div className="panel-grid">
        <Panel title={m.questions.title} intro={m.questions.intro} info={define('questionEffect')} testId="questions">
          <PanelState
            query={questions}
            testId="questions"
            suppressed={suppressed}
            minGroupSize={minGroupSize}
            emptyReason={(d) => (!d.current || d.current.questions.posts === 0 ? m.questions.empty : null)}
          >
            {(d) => <QuestionComparison figures={d.current!} />}
          </PanelState>
        </Panel>
        <Panel title={m.syndicated.title} intro={m.syndicated.intro} info={define('syndicated')} testId="syndicated">
          <PanelState
            query={syndicated}
            testId="syndicated"
            suppressed={suppressed}
            minGroupSize={minGroupSize}
            emptyReason={(d) => (!d.syndicated || d.syndicated.posts === 0 ? m.syndicated.empty : null)}
          >
            {(d) => <SyndicatedComparison syndicated={d.syndicated!} others={d.others!} />}
          </PanelState>
        </Panel>
      </div>
      <Panel title={m.voice.title} intro={m.voice.intro} info={define('employeeShare')} csvHref={voiceShareCsvHref(filter)} csvTitle={m.csvTitle} testId="voice">
        {grouped ? <p className="panel-note">{m.voice.wholeOrganisation}</p> : null}
        <PanelState
          query={voice}
          testId="voice"
          suppressed={suppressed}
          minGroupSize={minGroupSize}
          emptyReason={(d) => (!d.current || d.current.employeeEngagement + d.current.officialEngagement === 0 ? m.voice.empty : null)}
        >
          {(d) => <VoiceShareChart data={d} />}
        </PanelState>
      </Panel>
      <PanelState query={top} testId="top-posts" suppressed={suppressed} minGroupSize={minGroupSize}>
        {(d) => (
          <DataTable
            title={m.top.title}
            rows={d.items}
            columns={postColumns}
            emptyText={m.top.empty}
            pageSize={10}
            testId="top-posts"
            note={m.top.note(formatNumber(listLimit, locale))}
            actions={<CsvLink href={topPostsCsvHref(filter)} testId="top-posts-csv" />}
          />
        )}
      </PanelState>
      <PanelState query={questions} testId="unanswered" suppressed={suppressed} minGroupSize={minGroupSize}>
        {(d) => (
          <DataTable
            title={m.unanswered.title}
            rows={d.unanswered}
            columns={unansweredColumns}
            emptyText={m.unanswered.empty}
            pageSize={10}
            testId="unanswered"
            note={m.unanswered.note(formatNumber(listLimit, locale))}
            actions={<CsvLink href={unansweredCsvHref(filter)} testId="unanswered-csv" />}
          />
        )}
      </PanelState>
      {syndicated.data && !syndicated.data.suppressed && syndicated.data.items.length > 0 ? (
        <DataTable
          title={m.syndicated.tableTitle}
          rows={syndicated.data.items}
          columns={postColumns}
          emptyText={m.syndicated.empty}
          pageSize={5}
          testId="syndicated-posts"
          actions={<CsvLink href={syndicatedCsvHref(filter)} testId="syndicated-csv" />}
        />
      ) : null}
      <PanelState
        query={spaces}
        testId="spaces"
        suppressed={suppressed}
        minGroupSize={minGroupSize}
      >
        {(d) => (
          <DataTable
            title={m.spaces.title}
            rows={d.items}
            columns={spaceColumns}
            emptyText={m.spaces.empty}
            pageSize={15}
            testId="spaces"
            note={`${m.spaces.intro} ${d.period ? m.spaces.periodNote(formatDay(d.period.from, locale), formatDay(d.period.to, locale)) : ''}`}
            actions={<CsvLink href={spacesCsvHref(filter)} testId="spaces-csv" />}
          />
        )}
      </PanelState>
    </div>
  );
}

function CsvLink({ href, testId }: { href: string; testId: string }) {
  const { t } = useI18n();
  const m = useContentMessages();
  return (
    <a className="button" href={href} download title={m.csvTitle} data-testid={testId}>
      <span aria-hidden="true">⤓ </span>
      {t.table.csv}
    </a>
  );
}

const rate = (answered: number, posts: number) => (posts > 0 ? answered / posts : null);

/** Six key figures with their change: posts, comments, engagement, engagement rate, answer rate, median time to answer questions. */
function KpiSection({ filter }: { filter: ChartFilter }) {
  const { locale } = useI18n();
  const m = useContentMessages();
  const summary = useQuery(contentSummaryQuery(filter));
  const questions = useQuery(questionsQuery(filter));
  if (!summary.data?.current) return null;
  const { current, previous, previousPeriod } = summary.data;
  if (current.posts === 0) return <p className="panel-empty" data-testid="content-kpi-empty">{m.noPosts}</p>;
  const previousLabel = previous && previousPeriod ? m.vsPrevious(formatDay(previousPeriod.from, locale), formatDay(previousPeriod.to, locale)) : undefined;
  const before = <K extends keyof ContentSummaryRow>(k: K) => (previous ? previous[k] : undefined);
  const q = questions.data;
  const median = q?.current ? q.current.questions.medianHoursToFirstResponse : null;
  const medianBefore = q?.previous ? q.previous.questions.medianHoursToFirstResponse : undefined;
  const cards: { metric: DefinitionKey; label: string; kind: 'count' | 'rate' | 'hours'; value: number | null; previous: number | null | undefined; polarity?: 'lower-is-better' }[] = [
    { metric: 'posts', label: m.kpi.posts, kind: 'count', value: current.posts, previous: before('posts') },
    { metric: 'comments', label: m.kpi.comments, kind: 'count', value: current.comments, previous: before('comments') },
    { metric: 'engagement', label: m.kpi.engagement, kind: 'count', value: current.engagement, previous: before('engagement') },
    { metric: 'engagementRate', label: m.kpi.engagementRate, kind: 'rate', value: current.engagementRate, previous: before('engagementRate') },
    { metric: 'answerRate', label: m.kpi.answerRate, kind: 'rate', value: rate(current.answered, current.posts), previous: previous ? rate(previous.answered, previous.posts) : undefined },
    { metric: 'medianHoursToFirstResponse', label: m.kpi.medianHours, kind: 'hours', value: median, previous: medianBefore, polarity: 'lower-is-better' },
  ];
  return (
    <section className="kpi-section" aria-label={m.kpiHeading} data-testid="content-kpis">
      <div className="kpi-grid">
        {cards.map((c) => (
          <KpiCard key={c.metric} metric={c.metric} label={c.label} kind={c.kind} value={c.value} previous={c.previous} previousLabel={previousLabel} polarity={c.polarity} />
        ))}
      </div>
    </section>
  );
}

const numeric = (label: string, info?: string): DataColumnMeta => ({ numeric: true, label, info });

function usePostColumns(): ColumnDef<TopPostRow>[] {
  const { locale } = useI18n();
  const m = useContentMessages();
  const define = useDefinitions();
  return useMemo<ColumnDef<TopPostRow>[]>(
    () => [
      { id: 'rank', accessorKey: 'rank', header: '#', meta: numeric('#') },
      { id: 'title', accessorFn: (r) => r.title ?? m.col.untitled, header: m.col.title, meta: { label: m.col.title, wrap: true } },
      {
        id: 'engagement',
        accessorKey: 'engagement',
        header: m.col.engagement,
        cell: ({ getValue }) => <strong>{formatNumber(getValue<number>(), locale)}</strong>,
        meta: numeric(m.col.engagement, define('engagement')),
      },
      {
        id: 'engagementRate',
        accessorKey: 'engagementRate',
        header: m.col.engagementRate,
        cell: ({ getValue }) => formatPercent(getValue<number | null>(), locale),
        sortUndefined: 'last',
        meta: numeric(m.col.engagementRate, define('engagementRate')),
      },
      { id: 'views', accessorKey: 'views', header: m.col.views, cell: ({ getValue }) => formatNumber(getValue<number>(), locale), meta: numeric(m.col.views, define('views')) },
      { id: 'reactions', accessorKey: 'reactions', header: m.col.reactions, cell: ({ getValue }) => formatNumber(getValue<number>(), locale), meta: numeric(m.col.reactions, define('reactions')) },
      { id: 'comments', accessorKey: 'comments', header: m.col.comments, cell: ({ getValue }) => formatNumber(getValue<number>(), locale), meta: numeric(m.col.comments, define('comments')) },
      { id: 'shares', accessorKey: 'shares', header: m.col.shares, cell: ({ getValue }) => formatNumber(getValue<number>(), locale), meta: numeric(m.col.shares, define('shares')) },
      { id: 'day', accessorKey: 'day', header: m.col.day, cell: ({ row }) => formatDay(row.original.day, locale), meta: { label: m.col.day } },
      { id: 'format', accessorFn: (r) => m.formats.names[r.format] ?? r.format, header: m.col.format, meta: { label: m.col.format } },
      { id: 'space', accessorFn: (r) => r.space ?? '–', header: m.col.space, meta: { label: m.col.space, wrap: true } },
      { id: 'voice', accessorFn: (r) => m.col.voices[r.voice] ?? r.voice, header: m.col.voice, meta: { label: m.col.voice } },
      { id: 'department', accessorFn: (r) => r.department ?? '–', header: m.col.department, meta: { label: m.col.department } },
    ],
    [m, locale, define],
  );
}

function useUnansweredColumns(): ColumnDef<UnansweredQuestionRow>[] {
  const { locale } = useI18n();
  const m = useContentMessages();
  const define = useDefinitions();
  return useMemo<ColumnDef<UnansweredQuestionRow>[]>(
    () => [
      { id: 'title', accessorFn: (r) => r.title ?? m.col.untitled, header: m.col.title, meta: { label: m.col.title, wrap: true } },
      { id: 'day', accessorKey: 'day', header: m.col.day, cell: ({ row }) => formatDay(row.original.day, locale), meta: { label: m.col.day } },
      { id: 'ageDays', accessorKey: 'ageDays', header: m.unanswered.age, cell: ({ getValue }) => formatNumber(getValue<number>(), locale), meta: numeric(m.unanswered.age, define('unansweredQuestions')) },
      { id: 'format', accessorFn: (r) => m.formats.names[r.format] ?? r.format, header: m.col.format, meta: { label: m.col.format } },
      { id: 'space', accessorFn: (r) => r.space ?? '–', header: m.col.space, meta: { label: m.col.space, wrap: true } },
      { id: 'voice', accessorFn: (r) => m.col.voices[r.voice] ?? r.voice, header: m.col.voice, meta: { label: m.col.voice } },
      { id: 'department', accessorFn: (r) => r.department ?? '–', header: m.col.department, meta: { label: m.col.department } },
      { id: 'views', accessorKey: 'views', header: m.col.views, cell: ({ getValue }) => formatNumber(getValue<number>(), locale), meta: numeric(m.col.views, define('views')) },
      { id: 'reactions', accessorKey: 'reactions', header: m.col.reactions, cell: ({ getValue }) => formatNumber(getValue<number>(), locale), meta: numeric(m.col.reactions, define('reactions')) },
    ],
    [m, locale, define],
  );
}

function useSpaceColumns(): ColumnDef<SpaceItem>[] {
  const { locale } = useI18n();
  const m = useContentMessages();
  const define = useDefinitions();
  const count = (v: number | null) => formatNumber(v, locale);
  return useMemo<ColumnDef<SpaceItem>[]>(
    () => [
      {
        id: 'space',
        accessorKey: 'space',
        header: m.spaces.space,
        cell: ({ row }) => (
          <>
            {row.original.space}
            {row.original.spaces > 1 ? <span className="muted small"> · {m.spaces.other(formatNumber(row.original.spaces, locale))}</span> : null}
            {row.original.official ? <span className="badge">{m.spaces.official}</span> : null}
          </>
        ),
        meta: { label: m.spaces.space, wrap: true },
      },
      { id: 'kind', accessorFn: (r) => r.kind ?? '', header: m.spaces.kind, meta: { label: m.spaces.kind } },
      {
        id: 'activeUsers',
        accessorKey: 'activeUsers',
        header: m.spaces.reach,
        cell: ({ row }) => (row.original.suppressed ? <span className="muted small">{m.spaces.suppressed}</span> : <strong>{count(row.original.activeUsers)}</strong>),
        sortUndefined: 'last',
        meta: numeric(m.spaces.reach, define('spaceActiveUsers')),
      },
      { id: 'contributors', accessorKey: 'contributors', header: m.spaces.contributors, cell: ({ getValue }) => count(getValue<number | null>()), sortUndefined: 'last', meta: numeric(m.spaces.contributors, define('contributors')) },
      { id: 'posts', accessorKey: 'posts', header: m.kpi.posts, cell: ({ getValue }) => count(getValue<number | null>()), sortUndefined: 'last', meta: numeric(m.kpi.posts, define('posts')) },
      { id: 'comments', accessorKey: 'comments', header: m.col.comments, cell: ({ getValue }) => count(getValue<number | null>()), sortUndefined: 'last', meta: numeric(m.col.comments) },
      { id: 'views', accessorKey: 'views', header: m.col.views, cell: ({ getValue }) => count(getValue<number | null>()), sortUndefined: 'last', meta: numeric(m.col.views) },
      { id: 'engagement', accessorKey: 'engagement', header: m.col.engagement, cell: ({ getValue }) => count(getValue<number | null>()), sortUndefined: 'last', meta: numeric(m.col.engagement, define('engagement')) },
      {
        id: 'engagementPerPost',
        accessorKey: 'engagementPerPost',
        header: m.col.engagementPerPost,
        cell: ({ getValue }) => formatDecimal(getValue<number | null>(), locale, 1),
        sortUndefined: 'last',
        meta: numeric(m.col.engagementPerPost, define('engagementPerPost')),
      },
    ],
    [m, locale, define],
  );
}

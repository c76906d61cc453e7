// Adoption: the figures per day, ISO week or month for the selected period and group, as a
// chart and as a sortable, filterable table with CSV download (the grain is in the URL too);
// below, adoption per department and month, the participation funnel, the distribution of
// content (Lorenz curve) and the retention cohorts, all for the same period and groups.
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { AdoptionChart } from '../components/charts/AdoptionChart';
import { LorenzCurve, ParticipationFunnel } from '../components/charts/ParticipationCharts';
import { PageHeader } from '../components/common/PageHeader';
import { Panel, PanelState } from '../components/common/Panel';
import { EmptyDatabase, ErrorState, Loading, Note, PrivacyNote } from '../components/common/States';
import { AdoptionHeatTable } from '../components/tables/AdoptionHeatTable';
import { AdoptionTable } from '../components/tables/AdoptionTable';
import { CohortTriangle } from '../components/tables/CohortTriangle';
import {
  breakdownMonthsCsvHref,
  breakdownMonthsQuery,
  chartFilterOf,
  cohortsCsvHref,
  cohortsQuery,
  participationCsvHref,
  participationQuery,
  type ChartFilter,
} from '../lib/adoption-queries';
import { useDefinitions } from '../lib/definitions';
import { formatDay } from '../lib/format';
import { useI18n } from '../lib/i18n';
import { useAdoptionMessages } from '../lib/messages/adoption';
import { adoptionCsvHref, adoptionQuery, metaQuery, type Grain } from '../lib/queries';
import { useFilters, useSearchParams } from '../lib/url-state';

const grains: Grain[] = ['day', 'week', 'month'];
const isGrain = (v: string | null): v is Grain => v === 'day' || v === 'week' || v === 'month';

export function AdoptionPage() {
  const { t } = useI18n();
  const [filters] = useFilters();
  const [params, setParams] = useSearchParams();
  const grainParam = params.get('grain');
  const grain: Grain = isGrain(grainParam) ? grainParam : 'week';
  const meta = useQuery(metaQuery());
  const adoption = useQuery(adoptionQuery(filters, grain));
  const chartFilter = chartFilterOf(filters, meta.data?.dataPeriod);
  const labelId = useId();

  const grainSwitch = (
    <div className="segmented" role="radiogroup" aria-labelledby={labelId}>
      <span id={labelId} className="segmented-label">
        {t.grain.label}
      </span>
      {grains.map((g) => (
        <button key={g} type="button" role="radio" aria-checked={g === grain} data-testid={`grain-${g}`} onClick={() => setParams({ grain: g === 'week' ? null : g })}>
          {t.grain[g]}
        </button>
      ))}
    </div>
  );

  let body;
  if (meta.isError) body = <ErrorState error={meta.error} onRetry={() => meta.refetch()} />;
  else if (adoption.isError) body = <ErrorState error={adoption.error} onRetry={() => adoption.refetch()} />;
  else if (meta.isPending || adoption.isPending) body = <Loading lines={6} />;
  else if (!meta.data.dataPeriod.from) body = <EmptyDatabase />;
  else if (adoption.data.suppressed) body = <PrivacyNote minGroupSize={meta.data.minGroupSize} />;
  else if (adoption.data.items.length === 0) body = <Note>{t.state.noRows}</Note>;
  else {
    const range = { from: adoption.data.from, to: adoption.data.to };
    body = (
      <div className={adoption.isFetching ? 'stack is-refreshing' : 'stack'}>
        <AdoptionChart items={adoption.data.items} grain={grain} />
        {chartFilter ? <Breakdowns filter={chartFilter} minGroupSize={meta.data.minGroupSize} /> : null}
        <AdoptionTable
          key={grain}
          items={adoption.data.items}
          grain={grain}
          title={t.chart.titleByGrain[grain]}
          csvHref={adoptionCsvHref(filters, grain)}
          range={range}
          pageSize={grain === 'day' ? 31 : 53}
          filterable
        />
      </div>
    );
  }

  return (
    <>
      <PageHeader title={t.pages.adoption.title} intro={t.pages.adoption.intro}>
        {grainSwitch}
      </PageHeader>
      {body}
    </>
  );
}

/** The heat table, funnel, Lorenz curve and cohorts for the period and groups of the URL. */
function Breakdowns({ filter, minGroupSize }: { filter: ChartFilter; minGroupSize: number }) {
  const { locale } = useI18n();
  const m = useAdoptionMessages();
  const define = useDefinitions();
  const heat = useQuery(breakdownMonthsQuery(filter));
  const participation = useQuery(participationQuery(filter));
  const cohorts = useQuery(cohortsQuery(filter));
  const period = m.periodNote(formatDay(filter.from, locale), formatDay(filter.to, locale));

  return (
    <>
      <Panel title={m.heat.title} intro={`${m.heat.intro} ${period}.`} info={define('adoptionRate')} csvHref={breakdownMonthsCsvHref(filter)} csvTitle={m.csvTitle} testId="heat">
        <PanelState
          query={heat}
          testId="heat"
          suppressed={(d) => d.suppressed}
          minGroupSize={minGroupSize}
          emptyReason={(d) => (d.items.length === 0 ? m.heat.empty : null)}
        >
          {(d) => (
            <>
              {d.items.every((i) => i.group === '(other)') ? <p className="panel-intro muted small">{m.heat.allSmall}</p> : null}
              <AdoptionHeatTable data={d} />
            </>
          )}
        </PanelState>
      </Panel>
      <div className="panel-grid">
        <Panel title={m.funnel.title} intro={`${m.funnel.intro} ${period}.`} csvHref={participationCsvHref(filter)} csvTitle={m.csvTitle} testId="funnel">
          <PanelState
            query={participation}
            testId="funnel"
            suppressed={(d) => d.suppressed}
            minGroupSize={minGroupSize}
            emptyReason={(d) => (!d.current || d.current.funnel[0].people === 0 ? m.funnel.empty : null)}
          >
            {(d) => <ParticipationFunnel funnel={d.current!.funnel} />}
          </PanelState>
        </Panel>
        <Panel title={m.lorenz.title} intro={`${m.lorenz.intro} ${period}.`} info={define('lorenz')} testId="lorenz">
          <PanelState
            query={participation}
            testId="lorenz"
            suppressed={(d) => d.suppressed}
            minGroupSize={minGroupSize}
            emptyReason={(d) => (!d.current || d.current.inequality.content === 0 ? m.lorenz.empty : null)}
          >
            {(d) => <LorenzCurve figures={d.current!} />}
          </PanelState>
        </Panel>
      </div>
      <Panel title={m.cohorts.title} intro={`${m.cohorts.intro} ${period}.`} info={define('cohortRetention')} csvHref={cohortsCsvHref(filter)} csvTitle={m.csvTitle} testId="cohorts">
        <PanelState
          query={cohorts}
          testId="cohorts"
          suppressed={(d) => d.suppressed}
          minGroupSize={minGroupSize}
          emptyReason={(d) => (d.items.length === 0 ? m.cohorts.empty : null)}
        >
          {(d) => <CohortTriangle data={d} />}
        </PanelState>
      </Panel>
    </>
  );
}

// Overview: the key figures of the latest month in the selected period with their change
// against the month before, the monthly trend, and the monthly figures as a table.
import { useQuery } from '@tanstack/react-query';
import { AdoptionChart } from '../components/charts/AdoptionChart';
import { KpiCard } from '../components/common/KpiCard';
import { PageHeader } from '../components/common/PageHeader';
import { EmptyDatabase, ErrorState, Loading, Note, PrivacyNote } from '../components/common/States';
import { AdoptionTable } from '../components/tables/AdoptionTable';
import { formatDay, formatPeriod } from '../lib/format';
import { useI18n } from '../lib/i18n';
import { partialCoverage } from '../lib/periods';
import { adoptionCsvHref, adoptionQuery, metaQuery, type AdoptionItem } from '../lib/queries';
import { useFilters } from '../lib/url-state';

const kpis: { metric: 'activeUsers' | 'adoptionRate' | 'stickiness' | 'contributors' | 'creators' | 'headcount'; kind: 'count' | 'rate'; polarity?: 'neutral' }[] = [
  { metric: 'activeUsers', kind: 'count' },
  { metric: 'adoptionRate', kind: 'rate' },
  { metric: 'stickiness', kind: 'rate' },
  { metric: 'contributors', kind: 'count' },
  { metric: 'creators', kind: 'count' },
  { metric: 'headcount', kind: 'count', polarity: 'neutral' },
];

export function OverviewPage() {
  const { t } = useI18n();
  const [filters] = useFilters();
  const meta = useQuery(metaQuery());
  const adoption = useQuery(adoptionQuery(filters, 'month'));

  let body;
  if (meta.isError) body = <ErrorState error={meta.error} onRetry={() => meta.refetch()} />;
  else if (adoption.isError) body = <ErrorState error={adoption.error} onRetry={() => adoption.refetch()} />;
  else if (meta.isPending || adoption.isPending) body = <OverviewSkeleton />;
  else if (!meta.data.dataPeriod.from) body = <EmptyDatabase />;
  else if (adoption.data.suppressed) body = <PrivacyNote minGroupSize={meta.data.minGroupSize} />;
  else if (adoption.data.items.length === 0) body = <Note>{t.state.noRows}</Note>;
  else
    body = (
      <>
        <KpiSection items={adoption.data.items} range={{ from: adoption.data.from, to: adoption.data.to }} />
        <AdoptionChart items={adoption.data.items} grain="month" title={t.chart.trendTitle} />
        <AdoptionTable
          items={adoption.data.items}
          grain="month"
          title={t.table.monthly}
          csvHref={adoptionCsvHref(filters, 'month')}
          range={{ from: adoption.data.from, to: adoption.data.to }}
        />
      </>
    );

  return (
    <>
      <PageHeader title={t.pages.overview.title} intro={t.pages.overview.intro} />
      {body}
    </>
  );
}

function KpiSection({ items, range }: { items: AdoptionItem[]; range: { from: string | null; to: string | null } }) {
  const { t, locale } = useI18n();
  const latest = items[items.length - 1];
  const previous = items.length > 1 ? items[items.length - 2] : undefined;
  const partial = partialCoverage(latest.period, 'month', range.from, range.to);
  const previousLabel = previous ? formatPeriod(previous.period, 'month', locale) : undefined;
  return (
    <section className="kpi-section" aria-labelledby="kpi-heading" data-testid="kpi-section">
      <div className="section-head">
        <h2 id="kpi-heading">{t.kpi.latestMonth(formatPeriod(latest.period, 'month', locale))}</h2>
        {partial ? (
          <p className="badge badge-warn" data-testid="kpi-partial">
            {t.kpi.partial(formatDay(partial.start, locale), formatDay(partial.end, locale))}
          </p>
        ) : null}
      </div>
      <div className="kpi-grid">
        {kpis.map(({ metric, kind, polarity }) => (
          <KpiCard
            key={metric}
            metric={metric}
            kind={kind}
            polarity={polarity}
            label={metric === 'activeUsers' ? t.metrics.activeUsersShort : t.metrics[metric]}
            value={latest[metric]}
            previous={previous ? previous[metric] : undefined}
            previousLabel={previousLabel}
          />
        ))}
      </div>
    </section>
  );
}

function OverviewSkeleton() {
  return (
    <div aria-busy="true">
      <div className="kpi-grid">
        {kpis.map((k) => (
          <div key={k.metric} className="kpi-card skeleton-card">
            <div className="skeleton" style={{ width: '60%' }} />
            <div className="skeleton skeleton-big" style={{ width: '40%' }} />
            <div className="skeleton" style={{ width: '70%' }} />
          </div>
        ))}
      </div>
      <Loading lines={4} />
    </div>
  );
}

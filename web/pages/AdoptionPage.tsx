// Adoption: the figures per day, ISO week or month for the selected period and group, as a
// chart and as a sortable, filterable table with CSV download. The grain is in the URL too.
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { AdoptionChart } from '../components/charts/AdoptionChart';
import { PageHeader } from '../components/common/PageHeader';
import { EmptyDatabase, ErrorState, Loading, Note, PrivacyNote } from '../components/common/States';
import { AdoptionTable } from '../components/tables/AdoptionTable';
import { useI18n } from '../lib/i18n';
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

// The period of the network pages (influencers, network, person): the stored standard periods
// (last 30/90 days, quarters, months) as one select, plus a custom range that is computed on
// request. The choice is from/to in the URL, shared with the other pages; no from/to means the
// API default, the last 90 days of the data.
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { formatDay, formatNumber, formatPeriod } from '../../lib/format';
import { useI18n, type Messages } from '../../lib/i18n';
import { personAccessOf } from '../common/AccessNote';
import { influencerPeriodsQuery, metaQuery, type Filters, type MetricPeriod } from '../../lib/queries';
import { useFilters } from '../../lib/url-state';

const DEFAULT = 'default';
const CUSTOM = 'custom';

/**
 * Whether from/to name a period the API has stored (or the default; or the list is not loaded
 * yet); otherwise the first request computes it.
 */
export function isStoredPeriod(filters: Filters, periods: MetricPeriod[] | undefined): boolean {
  if (!filters.from || !filters.to || !periods) return true;
  return periods.some((p) => p.from === filters.from && p.to === filters.to);
}

/** First and last day of quarter `q` (1–4) of `year`. */
function quarterBounds(year: number, q: number): { start: string; end: string } {
  const start = new Date(Date.UTC(year, (q - 1) * 3, 1));
  const end = new Date(Date.UTC(year, q * 3, 0));
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}

/** The option text of a stored period, with the covered days when the data covers only part of it. */
export function periodLabel(p: MetricPeriod, t: Messages, locale: string): string {
  const range = t.periodPicker.range(formatDay(p.from, locale), formatDay(p.to, locale));
  if (p.kind === 'last30') return `${t.periodPicker.last30} (${range})`;
  if (p.kind === 'last90') return `${t.periodPicker.last90} (${range})`;
  const quarter = /^quarter:(\d{4})-Q([1-4])$/.exec(p.periodId);
  if (quarter) {
    const bounds = quarterBounds(Number(quarter[1]), Number(quarter[2]));
    const label = t.periodPicker.quarter(quarter[2], quarter[1]);
    return bounds.start === p.from && bounds.end === p.to ? label : `${label} (${t.periodPicker.partial(formatDay(p.from, locale), formatDay(p.to, locale))})`;
  }
  const month = /^month:(\d{4}-\d{2})$/.exec(p.periodId);
  if (month) {
    const label = formatPeriod(month[1], 'month', locale);
    const lastDay = new Date(Date.UTC(Number(month[1].slice(0, 4)), Number(month[1].slice(5, 7)), 0)).toISOString().slice(0, 10);
    return p.from.endsWith('-01') && p.to === lastDay ? label : `${label} (${t.periodPicker.partial(formatDay(p.from, locale), formatDay(p.to, locale))})`;
  }
  return range;
}

interface Answered {
  from: string;
  to: string;
  nodes?: number;
  edges?: number;
  betweennessPivots?: number | null;
}

/**
 * The period select with the range and network size the API answered for (`answered`, from the
 * response's `period`), and date inputs for a custom range that is applied with a button, so a
 * half-typed date does not start a computation.
 */
export function PeriodPicker({ answered }: { answered?: Answered | null }) {
  const { t, locale } = useI18n();
  const [filters, setFilters] = useFilters();
  const meta = useQuery(metaQuery());
  // The stored periods are a person-level endpoint; without access the picker offers the default and custom ranges.
  const periods = useQuery({ ...influencerPeriodsQuery(), enabled: personAccessOf(meta.data) === 'allowed' });
  const ids = { select: useId(), from: useId(), to: useId() };
  // Month and quarter can share their days (a quarter with one month of data): remember which was picked.
  const [picked, setPicked] = useState<string | null>(null);
  const [customOpen, setCustomOpen] = useState(false);
  const [draft, setDraft] = useState<{ from: string; to: string }>({ from: '', to: '' });

  const stored = (periods.data ?? []).filter((p) => p.kind !== 'custom');
  const rolling = stored.filter((p) => p.kind === 'last30' || p.kind === 'last90').sort((a, b) => a.kind.localeCompare(b.kind));
  const quarters = stored.filter((p) => p.kind === 'quarter').sort((a, b) => b.periodId.localeCompare(a.periodId));
  const months = stored.filter((p) => p.kind === 'month').sort((a, b) => b.periodId.localeCompare(a.periodId));

  let value = DEFAULT;
  if (filters.from && filters.to) {
    const same = stored.filter((p) => p.from === filters.from && p.to === filters.to);
    const match = same.find((p) => p.periodId === picked) ?? same[0];
    value = !match ? CUSTOM : match.kind === 'last90' ? DEFAULT : match.periodId;
  }
  const showCustom = customOpen || value === CUSTOM;
  const draftInvalid = Boolean(draft.from && draft.to && draft.from > draft.to);

  const choose = (next: string) => {
    if (next === CUSTOM) {
      setDraft({ from: filters.from ?? answered?.from ?? '', to: filters.to ?? answered?.to ?? '' });
      setCustomOpen(true);
      return;
    }
    setCustomOpen(false);
    if (next === DEFAULT) {
      setPicked(null);
      setFilters({ from: null, to: null });
      return;
    }
    const p = stored.find((s) => s.periodId === next);
    if (p) {
      setPicked(p.periodId);
      setFilters({ from: p.from, to: p.to });
    }
  };

  const last90 = rolling.find((p) => p.kind === 'last90');
  const dataFrom = meta.data?.dataPeriod.from ?? undefined;
  const dataTo = meta.data?.dataPeriod.to ?? undefined;

  return (
    <div className="period-picker" data-testid="period-picker">
      <div className="filter-group period-main">
        <label htmlFor={ids.select}>{t.periodPicker.label}</label>
        <select id={ids.select} value={value} onChange={(e) => choose(e.target.value)} disabled={periods.isLoading} data-testid="period-select">
          <optgroup label={t.periodPicker.rolling}>
            {rolling
              .filter((p) => p.kind === 'last30')
              .map((p) => (
                <option key={p.periodId} value={p.periodId}>
                  {periodLabel(p, t, locale)}
                </option>
              ))}
            <option value={DEFAULT}>{last90 ? periodLabel(last90, t, locale) : t.periodPicker.last90}</option>
          </optgroup>
          {quarters.length > 0 ? (
            <optgroup label={t.periodPicker.quarters}>
              {quarters.map((p) => (
                <option key={p.periodId} value={p.periodId}>
                  {periodLabel(p, t, locale)}
                </option>
              ))}
            </optgroup>
          ) : null}
          {months.length > 0 ? (
            <optgroup label={t.periodPicker.months}>
              {months.map((p) => (
                <option key={p.periodId} value={p.periodId}>
                  {periodLabel(p, t, locale)}
                </option>
              ))}
            </optgroup>
          ) : null}
          <option value={CUSTOM}>{value === CUSTOM && filters.from && filters.to ? t.periodPicker.range(formatDay(filters.from, locale), formatDay(filters.to, locale)) : t.periodPicker.custom}</option>
        </select>
        {answered ? (
          <p className="muted small period-answered" data-testid="period-answered">
            {[
              answered.nodes !== undefined && answered.edges !== undefined ? t.periodPicker.summary(formatNumber(answered.nodes, locale), formatNumber(answered.edges, locale)) : null,
              answered.betweennessPivots ? t.periodPicker.sampled(formatNumber(answered.betweennessPivots, locale)) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        ) : null}
      </div>
      {showCustom ? (
        <form
          className="period-custom"
          onSubmit={(e) => {
            e.preventDefault();
            if (!draft.from || !draft.to || draftInvalid) return;
            setPicked(null);
            setFilters({ from: draft.from, to: draft.to });
            setCustomOpen(false);
          }}
        >
          <label htmlFor={ids.from}>{t.periodPicker.customFrom}</label>
          <input
            id={ids.from}
            type="date"
            value={customOpen ? draft.from : (filters.from ?? '')}
            min={dataFrom}
            max={dataTo}
            aria-invalid={draftInvalid || undefined}
            onChange={(e) => {
              setCustomOpen(true);
              setDraft({ from: e.target.value, to: customOpen ? draft.to : (filters.to ?? '') });
            }}
          />
          <label htmlFor={ids.to}>{t.periodPicker.customTo}</label>
          <input
            id={ids.to}
            type="date"
            value={customOpen ? draft.to : (filters.to ?? '')}
            min={dataFrom}
            max={dataTo}
            aria-invalid={draftInvalid || undefined}
            onChange={(e) => {
              setCustomOpen(true);
              setDraft({ from: customOpen ? draft.from : (filters.from ?? ''), to: e.target.value });
            }}
          />
          <button type="submit" className="button" disabled={!customOpen || !draft.from || !draft.to || draftInvalid}>
            {t.periodPicker.apply}
          </button>
          {draftInvalid ? (
            <span className="filter-invalid small" role="alert">
              {t.periodPicker.invalid}
            </span>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}

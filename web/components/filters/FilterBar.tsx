// The filter bar: period (dates and presets), department and location. All values live in the
// URL; groups below the minimum size are listed but disabled, so nobody can single them out.
// Pages with their own period picker (the network pages) hide the period part, and pages whose
// data has no location hide the location.
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { formatDay, formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { presetRange, type Preset } from '../../lib/periods';
import { metaQuery, type GroupOption } from '../../lib/queries';
import { useFilters } from '../../lib/url-state';

const presets: Preset[] = ['last3', 'last12', 'whole'];

/** `period`/`location`: whether to show those parts (both by default). */
export function FilterBar({ period: showPeriod = true, location: showLocation = true }: { period?: boolean; location?: boolean } = {}) {
  const { t, locale } = useI18n();
  const [filters, setFilters] = useFilters();
  const meta = useQuery(metaQuery());
  const ids = { from: useId(), to: useId(), department: useId(), location: useId(), hint: useId() };
  const data = meta.data;
  const period = data?.dataPeriod ?? { from: null, to: null };
  const disabled = !data || !period.from;
  const invalid = Boolean(filters.from && filters.to && filters.from > filters.to);

  const activePreset = disabled
    ? undefined
    : presets.find((p) => {
        const range = presetRange(p, period);
        return range.from === filters.from && range.to === filters.to;
      });

  const groupOptions = (groups: GroupOption[]) =>
    groups.map((g) => (
      <option key={g.name} value={g.name} disabled={g.suppressed}>
        {g.name} ({g.suppressed ? t.filters.tooSmall(formatNumber(data?.minGroupSize, locale)) : t.filters.people(formatNumber(g.people, locale))})
      </option>
    ));
  const anySuppressed = Boolean(data && [...data.departments, ...data.locations].some((g) => g.suppressed));

  const effectiveFrom = filters.from ?? period.from;
  const effectiveTo = filters.to ?? period.to;
  const groupSummary = [filters.department ?? t.filters.allDepartments, filters.location ?? t.filters.allLocations].join(' · ');

  return (
    <div className="filter-bar" role="group" aria-label={t.filters.label}>
      {showPeriod ? (
        <fieldset className="filter-period" disabled={disabled}>
          <legend>{t.filters.period}</legend>
          <label htmlFor={ids.from} className="sr-only">
            {t.filters.from}
          </label>
          <input
            id={ids.from}
            type="date"
            value={filters.from ?? period.from ?? ''}
            min={period.from ?? undefined}
            max={period.to ?? undefined}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? ids.hint : undefined}
            onChange={(e) => setFilters({ from: e.target.value || null })}
          />
          <span aria-hidden="true">–</span>
          <label htmlFor={ids.to} className="sr-only">
            {t.filters.to}
          </label>
          <input
            id={ids.to}
            type="date"
            value={filters.to ?? period.to ?? ''}
            min={period.from ?? undefined}
            max={period.to ?? undefined}
            aria-invalid={invalid || undefined}
            onChange={(e) => setFilters({ to: e.target.value || null })}
          />
          <span className="presets">
            {presets.map((p) => (
              <button
                key={p}
                type="button"
                className="chip"
                aria-pressed={activePreset === p}
                onClick={() => {
                  const range = presetRange(p, period);
                  setFilters({ from: range.from ?? null, to: range.to ?? null });
                }}
              >
                {t.filters[p]}
              </button>
            ))}
          </span>
        </fieldset>
      ) : null}

      <div className="filter-group">
        <label htmlFor={ids.department}>{t.filters.department}</label>
        <select id={ids.department} value={filters.department ?? ''} disabled={disabled} onChange={(e) => setFilters({ department: e.target.value || null })}>
          <option value="">{t.filters.allDepartments}</option>
          {data ? groupOptions(data.departments) : null}
          {filters.department && data && !data.departments.some((g) => g.name === filters.department) ? (
            <option value={filters.department}>{filters.department}</option>
          ) : null}
        </select>
      </div>
      {showLocation ? (
        <div className="filter-group">
          <label htmlFor={ids.location}>{t.filters.location}</label>
          <select id={ids.location} value={filters.location ?? ''} disabled={disabled} onChange={(e) => setFilters({ location: e.target.value || null })}>
            <option value="">{t.filters.allLocations}</option>
            {data ? groupOptions(data.locations) : null}
            {filters.location && data && !data.locations.some((g) => g.name === filters.location) ? (
              <option value={filters.location}>{filters.location}</option>
            ) : null}
          </select>
        </div>
      ) : null}

      {invalid && showPeriod ? (
        <p id={ids.hint} className="filter-hint filter-invalid" role="alert">
          {t.filters.invalidRange}
        </p>
      ) : anySuppressed && data ? (
        <p className="filter-hint">{t.filters.someHidden(formatNumber(data.minGroupSize, locale))}</p>
      ) : null}

      {showPeriod ? (
        <p className="print-only filter-summary">
          {t.filters.summary(`${formatDay(effectiveFrom, locale)} – ${formatDay(effectiveTo, locale)}`, groupSummary)}
        </p>
      ) : null}
    </div>
  );
}

// The metric definitions shown in every info tooltip of Overview, Adoption and Content. They live
// in one place, analytics/metric-definitions.ts (also the source of docs/metrics.md's wording);
// the web app may not import analytics/ at runtime, so it fetches them once from
// GET /api/definitions and keeps them for the session.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { MetricKey as DefinitionKey } from '../../analytics/metric-definitions';
import { client, readJson } from './api';
import { useI18n } from './i18n';

export type { DefinitionKey };

/** GET /api/definitions: fetched once; definitions change only with a new version of Chorus. */
export const definitionsQuery = () =>
  queryOptions({
    queryKey: ['definitions'],
    queryFn: ({ signal }) => readJson(() => client.api.definitions.$get(undefined, { init: { signal } })),
    staleTime: Infinity,
    gcTime: Infinity,
  });

/**
 * A lookup of a metric's definition in the current language; undefined while the definitions
 * load (or when they could not be loaded: the tooltip then says so).
 */
export function useDefinitions(): (key: DefinitionKey) => string {
  const { lang, t } = useI18n();
  const definitions = useQuery(definitionsQuery());
  const data = definitions.data;
  const failed = definitions.isError;
  return useCallback(
    (key: DefinitionKey) => {
      const found = data?.items.find((d) => d.key === key);
      if (found) return found[lang];
      return failed ? t.state.errorTitle : t.state.loading;
    },
    [data, failed, lang, t],
  );
}

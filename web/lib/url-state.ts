// A tiny router and URL state: the page is the path, filters and language are search params,
// so every view can be bookmarked, shared and reloaded. History changes are announced with a
// custom event because pushState/replaceState do not fire popstate.
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { Filters } from './queries';

const NAVIGATE_EVENT = 'chorus:navigate';

/** Paths of the dashboard pages, in navigation order. */
export const pagePaths = ['/', '/adoption', '/content', '/influencers', '/network', '/pilot', '/programmes', '/report', '/data', '/audit'] as const;
export type PagePath = (typeof pagePaths)[number];

/** Path of a person's page; the id is URL-encoded. */
export const personPath = (personId: string): string => `/people/${encodeURIComponent(personId)}`;

/** The person id of a '/people/<id>' path, or null for any other path (or a malformed escape). */
export function personIdOf(path: string): string | null {
  const m = /^\/people\/([^/]+)\/?$/.exec(path);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return null;
  }
}

/** Path of the monthly report of a month 'YYYY-MM'. */
export const reportPath = (month: string): string => `/report/${month}`;

/** The month of a '/report/YYYY-MM' path, or null for any other path. */
export function reportMonthOf(path: string): string | null {
  const m = /^\/report\/(\d{4}-(?:0[1-9]|1[0-2]))\/?$/.exec(path);
  return m ? m[1] : null;
}

/** Search parameters that describe the view and travel with navigation between pages. */
export const sharedParams = ['from', 'to', 'department', 'location', 'compare', 'lang'] as const;

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

/** Current path and search string; re-renders on navigation. */
export function useLocation(): { path: string; search: string } {
  const href = useSyncExternalStore(subscribe, snapshot, () => '/');
  return useMemo(() => {
    const q = href.indexOf('?');
    return q < 0 ? { path: href, search: '' } : { path: href.slice(0, q), search: href.slice(q) };
  }, [href]);
}

/** Goes to `to` (path plus optional search) without reloading; `replace` keeps history short. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** Returns `search` with `patch` applied: empty, null or undefined values remove a key. */
export function applyParams(search: string, patch: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams(search);
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === null || value === '') params.delete(key);
    else params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Keeps only the shared view parameters of `search`, for links to another page. */
export function keepShared(search: string): string {
  const from = new URLSearchParams(search);
  const to = new URLSearchParams();
  for (const key of sharedParams) {
    const value = from.get(key);
    if (value) to.set(key, value);
  }
  const text = to.toString();
  return text ? `?${text}` : '';
}

/** The URL search params and a setter that patches them (history is replaced, not pushed). */
export function useSearchParams(): [URLSearchParams, (patch: Record<string, string | null | undefined>) => void] {
  const { path, search } = useLocation();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const update = useCallback(
    (patch: Record<string, string | null | undefined>) => navigate(path + applyParams(window.location.search, patch), { replace: true }),
    [path],
  );
  return [params, update];
}

/** The period and group filters from the URL, and a setter for them. */
export function useFilters(): [Filters, (patch: Partial<Record<keyof Filters, string | null>>) => void] {
  const [params, update] = useSearchParams();
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const department = params.get('department') ?? undefined;
  const location = params.get('location') ?? undefined;
  const filters = useMemo(() => ({ from, to, department, location }), [from, to, department, location]);
  return [filters, update];
}

// The dashboard shell: header (product, data period, language), filter bar, left navigation,
// and the current page, loaded on demand so the first bundle stays small.
import { Component, lazy, Suspense, useEffect, type ComponentType, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from './components/common/Link';
import { PageHeader } from './components/common/PageHeader';
import { Loading } from './components/common/States';
import { FilterBar } from './components/filters/FilterBar';
import { LanguageSwitch } from './components/filters/LanguageSwitch';
import { formatDay } from './lib/format';
import { useI18n, type Messages } from './lib/i18n';
import { metaQuery } from './lib/queries';
import { personIdOf, useLocation, type PagePath } from './lib/url-state';

const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) => lazy(() => load().then((m) => ({ default: m[name] })));

/** Which parts of the filter bar a page uses: all, groups only (own period picker), department only, none. */
type FilterMode = 'all' | 'groups' | 'department' | 'none';

interface Route {
  path: PagePath;
  nav: Exclude<keyof Messages['nav'], 'label' | 'soon'>;
  component: ComponentType;
  available: boolean;
  filters: FilterMode;
}

const routes: Route[] = [
  { path: '/', nav: 'overview', component: page(() => import('./pages/OverviewPage'), 'OverviewPage'), available: true, filters: 'all' },
  { path: '/adoption', nav: 'adoption', component: page(() => import('./pages/AdoptionPage'), 'AdoptionPage'), available: true, filters: 'all' },
  { path: '/content', nav: 'content', component: page(() => import('./pages/ContentPage'), 'ContentPage'), available: false, filters: 'all' },
  { path: '/influencers', nav: 'influencers', component: page(() => import('./pages/InfluencersPage'), 'InfluencersPage'), available: true, filters: 'groups' },
  { path: '/network', nav: 'network', component: page(() => import('./pages/NetworkPage'), 'NetworkPage'), available: true, filters: 'department' },
  { path: '/pilot', nav: 'pilot', component: page(() => import('./pages/PilotPage'), 'PilotPage'), available: false, filters: 'all' },
  { path: '/report', nav: 'report', component: page(() => import('./pages/ReportPage'), 'ReportPage'), available: false, filters: 'all' },
  { path: '/data', nav: 'data', component: page(() => import('./pages/DataPage'), 'DataPage'), available: true, filters: 'none' },
];

/** A person's page (/people/<id>): not in the navigation; its period picker is on the page. */
const PersonPage = page(() => import('./pages/PersonPage'), 'PersonPage');

export function App() {
  const { path } = useLocation();
  const { t, lang } = useI18n();
  const normalised = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const route = routes.find((r) => r.path === normalised);
  const isPerson = !route && personIdOf(normalised) !== null;
  const filters: FilterMode = route?.filters ?? (isPerson ? 'none' : 'all');

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const Page = route?.component ?? (isPerson ? PersonPage : undefined);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t.app.skipToContent}
      </a>
      <header className="app-header">
        <div className="header-top">
          <Link to="/" className="brand" aria-label={`${t.app.name} – ${t.nav.overview}`}>
            <Logo />
            <span className="brand-name">{t.app.name}</span>
            <span className="brand-tagline">{t.app.tagline}</span>
          </Link>
          <span className="spacer" />
          <DataPeriod />
          <LanguageSwitch />
        </div>
        {filters !== 'none' ? (
          <div className="header-filters">
            <FilterBar period={filters === 'all'} location={filters !== 'department'} />
          </div>
        ) : null}
      </header>
      <div className="app-body">
        <nav className="side-nav" aria-label={t.nav.label}>
          <ul>
            {routes.map((r) => (
              <li key={r.path}>
                <Link to={r.path} className="nav-link" data-testid={`nav-${r.nav}`}>
                  <span>{t.nav[r.nav]}</span>
                  {r.available ? null : <span className="nav-soon">{t.nav.soon}</span>}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="content" tabIndex={-1}>
          <ChunkErrorBoundary message={t.pages.chunkError} action={t.pages.reload} resetKey={normalised}>
            <Suspense fallback={<Loading lines={5} />}>{Page ? <Page /> : <NotFound />}</Suspense>
          </ChunkErrorBoundary>
        </main>
      </div>
    </div>
  );
}

function DataPeriod() {
  const { t, locale } = useI18n();
  const meta = useQuery(metaQuery());
  if (!meta.data) return null;
  const { from, to } = meta.data.dataPeriod;
  return (
    <span className="data-period muted small" data-testid="data-period">
      {from ? t.filters.dataPeriod(formatDay(from, locale), formatDay(to, locale)) : t.filters.noDataPeriod}
    </span>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t.pages.notFound} />
      <p>
        <Link to="/" className="button">
          {t.pages.backHome}
        </Link>
      </p>
    </>
  );
}

function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
      <circle cx="16" cy="16" r="15" fill="var(--accent)" />
      <path d="M9 19v-6M13 22V10M17 20v-8M21 23V9M25 18v-4" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" />
    </svg>
  );
}

/** Catches a page that failed to load or render, so the shell stays usable. */
class ChunkErrorBoundary extends Component<{ children: ReactNode; message: string; action: string; resetKey: string }, { error: Error | null; key: string }> {
  state: { error: Error | null; key: string } = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: { error: Error | null; key: string }) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="state state-error" role="alert">
        <p>{this.props.message}</p>
        <p className="state-detail">{this.state.error.message}</p>
        <button type="button" className="button primary" onClick={() => window.location.reload()}>
          {this.props.action}
        </button>
      </div>
    );
  }
}

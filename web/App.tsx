// The dashboard shell: header (product, data period, signed-in user, language), filter bar,
// left navigation with the entries the role may use, and the current page, loaded on demand so
// the first bundle stays small. In tokens mode a 401 anywhere replaces the page by the sign-in.
import { Component, lazy, Suspense, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { AccessNote, accessFor, type Area } from './components/common/AccessNote';
import { Link } from './components/common/Link';
import { PageHeader } from './components/common/PageHeader';
import { SignInPage } from './components/common/SignIn';
import { Loading } from './components/common/States';
import { FilterBar } from './components/filters/FilterBar';
import { LanguageSwitch } from './components/filters/LanguageSwitch';
import { formatDay } from './lib/format';
import { useI18n, type Messages } from './lib/i18n';
import { metaQuery, type Access } from './lib/queries';
import { signOut, useSignInNeeded } from './lib/session';
import { personIdOf, reportMonthOf, useLocation, type PagePath } from './lib/url-state';

const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) => lazy(() => load().then((m) => ({ default: m[name] })));

/** Which parts of the filter bar a page uses: all, groups only (own period picker), department only, none. */
type FilterMode = 'all' | 'groups' | 'department' | 'none';

interface Route {
  path: PagePath;
  nav: Exclude<keyof Messages['nav'], 'label' | 'soon'>;
  component: ComponentType;
  filters: FilterMode;
  /** What the page needs (api/access.ts); the navigation shows only what the role may use. */
  area: Area;
  /** The page explains a refusal itself (it still shows what the role may see). */
  ownGuard?: boolean;
}

const routes: Route[] = [
  { path: '/', nav: 'overview', component: page(() => import('./pages/OverviewPage'), 'OverviewPage'), filters: 'all', area: 'aggregate' },
  { path: '/adoption', nav: 'adoption', component: page(() => import('./pages/AdoptionPage'), 'AdoptionPage'), filters: 'all', area: 'aggregate' },
  { path: '/content', nav: 'content', component: page(() => import('./pages/ContentPage'), 'ContentPage'), filters: 'all', area: 'content' },
  { path: '/influencers', nav: 'influencers', component: page(() => import('./pages/InfluencersPage'), 'InfluencersPage'), filters: 'groups', area: 'person', ownGuard: true },
  { path: '/network', nav: 'network', component: page(() => import('./pages/NetworkPage'), 'NetworkPage'), filters: 'department', area: 'person', ownGuard: true },
  { path: '/pilot', nav: 'pilot', component: page(() => import('./pages/PilotPage'), 'PilotPage'), filters: 'groups', area: 'person' },
  { path: '/programmes', nav: 'programmes', component: page(() => import('./pages/ProgrammesPage'), 'ProgrammesPage'), filters: 'none', area: 'aggregate' },
  { path: '/report', nav: 'report', component: page(() => import('./pages/ReportPage'), 'ReportPage'), filters: 'groups', area: 'aggregate' },
  { path: '/data', nav: 'data', component: page(() => import('./pages/DataPage'), 'DataPage'), filters: 'none', area: 'aggregate' },
  { path: '/audit', nav: 'audit', component: page(() => import('./pages/AuditPage'), 'AuditPage'), filters: 'none', area: 'admin' },
];

/** A person's page (/people/<id>): not in the navigation; its period picker is on the page. */
const PersonPage = page(() => import('./pages/PersonPage'), 'PersonPage');

export function App() {
  const { path } = useLocation();
  const { t, lang } = useI18n();
  const signInNeeded = useSignInNeeded();
  const meta = useQuery({ ...metaQuery(), enabled: !signInNeeded });
  const normalised = path.length > 1 ? path.replace(/\/+$/, '') : path;
  // /report/<month> is the report page of that month.
  const route = routes.find((r) => r.path === (reportMonthOf(normalised) ? '/report' : normalised));
  const isPerson = !route && personIdOf(normalised) !== null;
  const filters: FilterMode = signInNeeded ? 'none' : (route?.filters ?? (isPerson ? 'none' : 'all'));
  const access = meta.data?.access;

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  // The entries the role may use: none until /api/meta has answered, only aggregates if it failed.
  const visible = meta.data ? routes.filter((r) => accessFor(r.area, access) === 'allowed') : meta.isError ? routes.filter((r) => r.area === 'aggregate') : [];

  let content: ReactNode;
  const Page = route?.component ?? (isPerson ? PersonPage : undefined);
  if (!Page) content = <NotFound />;
  else if (route && !route.ownGuard && route.area !== 'aggregate' && !meta.data && !meta.isError) content = <Loading lines={5} />;
  else {
    const refusal = route && !route.ownGuard ? accessFor(route.area, access) : 'allowed';
    content =
      refusal === 'allowed' ? (
        <Page />
      ) : (
        <>
          <PageHeader title={t.nav[route!.nav]} />
          <AccessNote reason={refusal} role={access?.role} area={route!.area} />
        </>
      );
  }

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
          {signInNeeded ? null : <DataPeriod />}
          {!signInNeeded && access?.mode === 'tokens' && access.user ? <SessionInfo access={access} /> : null}
          <LanguageSwitch />
        </div>
        {filters !== 'none' ? (
          <div className="header-filters">
            <FilterBar period={filters === 'all'} location={filters !== 'department'} />
          </div>
        ) : null}
      </header>
      {signInNeeded ? (
        <div className="app-body single">
          <main id="main" className="content" tabIndex={-1}>
            <SignInPage />
          </main>
        </div>
      ) : (
        <div className="app-body">
          <nav className="side-nav" aria-label={t.nav.label}>
            <ul>
              {visible.map((r) => (
                <li key={r.path}>
                  <Link to={r.path} className="nav-link" data-testid={`nav-${r.nav}`} {...(r === route && r.path !== normalised ? { 'aria-current': 'page' as const } : {})}>
                    <span>{t.nav[r.nav]}</span>
                  </Link>
                </li>
              ))}
            </ul>
            {access ? <AccessFooter access={access} /> : null}
          </nav>
          <main id="main" className="content" tabIndex={-1}>
            <ChunkErrorBoundary message={t.pages.chunkError} action={t.pages.reload} resetKey={normalised}>
              <Suspense fallback={<Loading lines={5} />}>{content}</Suspense>
            </ChunkErrorBoundary>
          </main>
        </div>
      )}
    </div>
  );
}

/** The signed-in user and role (tokens mode) with a sign-out button. */
function SessionInfo({ access }: { access: Access }) {
  const { t } = useI18n();
  const s = t.session;
  const [busy, setBusy] = useState(false);
  const role = access.role ?? '';
  return (
    <div className="session" data-testid="session">
      <span className="session-user" title={`${s.role}: ${s.roleName[role] ?? role} – ${s.roleDef[role] ?? ''}`}>
        <span className="sr-only">{s.signedInAs} </span>
        <strong data-testid="session-user">{access.user}</strong>
        <span className="session-role" data-testid="session-role" data-role={role}>
          {s.roleName[role] ?? role}
        </span>
      </span>
      <button
        type="button"
        className="button small-button"
        disabled={busy}
        data-testid="sign-out"
        onClick={() => {
          setBusy(true);
          void signOut();
        }}
      >
        {s.signOut}
      </button>
    </div>
  );
}

/** Below the navigation: the access mode, what the role may see, works-council mode. */
function AccessFooter({ access }: { access: Access }) {
  const { t } = useI18n();
  const s = t.session;
  const hiddenForRole = routes.filter((r) => accessFor(r.area, access) === 'role').map((r) => t.nav[r.nav]);
  const role = access.role ?? '';
  return (
    <div className="nav-footer" data-testid="access-footer">
      {access.mode === 'local' ? (
        <p className="nav-note" data-testid="access-mode" data-mode="local" title={s.localModeHint}>
          <LockIcon open />
          <span>{s.localMode}</span>
        </p>
      ) : (
        <p className="nav-note" data-testid="access-mode" data-mode="tokens" title={s.roleDef[role]}>
          <LockIcon />
          <span>
            {s.role}: {s.roleName[role] ?? role}
            {hiddenForRole.length > 0 ? <span className="nav-note-sub">{s.hiddenForRole(hiddenForRole.join(', '))}</span> : null}
          </span>
        </p>
      )}
      {access.worksCouncil ? (
        <p className="nav-note nav-note-warn" data-testid="works-council-note">
          <span aria-hidden="true">§</span>
          <span>{s.worksCouncil}</span>
        </p>
      ) : null}
    </div>
  );
}

function LockIcon({ open = false }: { open?: boolean }) {
  return (
    <svg className="nav-note-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <rect x="3" y="7" width="10" height="7" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <path d={open ? 'M5.5 7V5a2.5 2.5 0 0 1 4.9-.7' : 'M5.5 7V5a2.5 2.5 0 0 1 5 0v2'} fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
    </svg>
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

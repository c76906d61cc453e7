// The states every page shares: loading, error with retry, empty database, privacy suppression,
// no rows in the period. Each says what is going on and what to do next.
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiRequestError } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { metaQuery } from '../../lib/queries';
import { useLocation } from '../../lib/url-state';
import { accessFor } from './AccessNote';
import { Link } from './Link';

/** Placeholder blocks while data loads; `lines` rough rows of content. */
export function Loading({ lines = 3, label }: { lines?: number; label?: string }) {
  const { t } = useI18n();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="loading-text">{label ?? t.state.loading}</span>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="skeleton" style={{ width: `${92 - ((i * 17) % 35)}%` }} />
      ))}
    </div>
  );
}

/** An error from a query: the API's message, or a reachability hint, and a retry button. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  const network = error instanceof ApiRequestError && error.code === 'network';
  const message = network ? t.state.networkError : error instanceof Error ? error.message : String(error);
  const status = error instanceof ApiRequestError && error.status > 0 ? `${error.status} ${error.code}` : null;
  return (
    <div className="state state-error" role="alert">
      <h2>{t.state.errorTitle}</h2>
      <p className="state-message">{message}</p>
      {status ? <p className="state-detail">{status}</p> : null}
      <p>{t.state.errorHint}</p>
      <button type="button" className="button primary" onClick={() => onRetry()}>
        {t.state.retry}
      </button>
    </div>
  );
}

/** The database holds no activity yet: how to import (and, for admins elsewhere than the data page, where to upload). */
export function EmptyDatabase() {
  const { t } = useI18n();
  const meta = useQuery(metaQuery());
  const { path } = useLocation();
  const canUpload = meta.data !== undefined && accessFor('admin', meta.data.access) === 'allowed';
  return (
    <div className="state state-empty" data-testid="empty-database">
      <h2>{t.state.emptyTitle}</h2>
      <p>
        {t.state.emptyText} <code>{t.state.emptyCommand}</code> {t.state.emptyAfter}
      </p>
      {canUpload && path === '/data' ? <p>{t.state.emptyUploadBelow}</p> : null}
      {canUpload && path !== '/data' ? (
        <p>
          {t.state.emptyUpload}{' '}
          <Link to="/data" className="button primary">
            {t.state.emptyUploadLink}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

/** The filter selects fewer people than the minimum group size: no figures, and why. */
export function PrivacyNote({ minGroupSize }: { minGroupSize: number | undefined }) {
  const { t, locale } = useI18n();
  return (
    <div className="state state-privacy" data-testid="privacy-note">
      <h2>
        <span aria-hidden="true">🔒 </span>
        {t.state.suppressedTitle}
      </h2>
      <p>{t.state.suppressedText(minGroupSize === undefined ? '…' : formatNumber(minGroupSize, locale))}</p>
    </div>
  );
}

/** A calm note for an empty result that is not an error. */
export function Note({ children }: { children: ReactNode }) {
  return <div className="state state-note">{children}</div>;
}

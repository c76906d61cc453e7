// A titled card for one chart or table of a page: heading with the figure's definition, an intro
// line, a CSV link, and the query's states (loading, error with retry, suppressed for privacy,
// empty with the reason) before the content itself.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n';
import { InfoTip } from './InfoTip';
import { ErrorState, Loading, PrivacyNote } from './States';

interface PanelProps {
  title: string;
  intro?: ReactNode;
  /** Definition text for the (i) next to the title. */
  info?: string;
  csvHref?: string;
  csvTitle?: string;
  testId: string;
  className?: string;
  children: ReactNode;
}

export function Panel({ title, intro, info, csvHref, csvTitle, testId, className, children }: PanelProps) {
  const { t } = useI18n();
  return (
    <section className={className ? `card panel ${className}` : 'card panel'} aria-label={title} data-testid={testId}>
      <div className="panel-head">
        <h2>{title}</h2>
        {info ? <InfoTip text={info} label={`${t.metrics.info}: ${title}`} /> : null}
        <span className="spacer" />
        {csvHref ? (
          <a className="button" href={csvHref} download title={csvTitle ?? t.table.csvTitle} data-testid={`${testId}-csv`}>
            <span aria-hidden="true">⤓ </span>
            {t.table.csv}
          </a>
        ) : null}
      </div>
      {intro ? <p className="panel-intro muted small">{intro}</p> : null}
      {children}
    </section>
  );
}

interface StateProps<T> {
  query: UseQueryResult<T>;
  /** The answer says the selection is below the minimum group size. */
  suppressed?: (data: T) => boolean;
  minGroupSize?: number;
  /** Why the answer is empty, or null when there is something to show. */
  emptyReason?: (data: T) => string | null;
  testId: string;
  children: (data: T) => ReactNode;
}

/** The states of one query inside a Panel; `children` renders the data once there is some. */
export function PanelState<T>({ query, suppressed, minGroupSize, emptyReason, testId, children }: StateProps<T>) {
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  if (query.isPending) return <Loading lines={3} />;
  const data = query.data;
  if (suppressed?.(data)) return <PrivacyNote minGroupSize={minGroupSize} />;
  const reason = emptyReason?.(data) ?? null;
  if (reason !== null) {
    return (
      <p className="panel-empty" data-testid={`${testId}-empty`}>
        {reason}
      </p>
    );
  }
  return <div className={query.isFetching ? 'is-refreshing' : undefined}>{children(data)}</div>;
}

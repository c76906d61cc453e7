import { useEffect, type ReactNode } from 'react';
import { useI18n } from '../../lib/i18n';

/** Page title (also the document title) with an optional intro line and actions. */
export function PageHeader({ title, intro, children }: { title: string; intro?: string; children?: ReactNode }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} · ${t.app.name}`;
  }, [title, t]);
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {intro ? <p className="muted">{intro}</p> : null}
      </div>
      {children ? <div className="page-actions">{children}</div> : null}
    </div>
  );
}

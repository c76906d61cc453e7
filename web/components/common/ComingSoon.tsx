import { useI18n } from '../../lib/i18n';
import { Link } from './Link';
import { PageHeader } from './PageHeader';

/** The honest placeholder of a page that a later version builds: what it will show, and that it is not here yet. */
export function ComingSoon({ title, what }: { title: string; what: string }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={title} />
      <div className="state state-soon" data-testid="coming-soon">
        <p className="badge badge-soon">{t.pages.notYet}</p>
        <h2>{t.pages.willShow}</h2>
        <p className="lead">{what}</p>
        <p className="muted">{t.pages.notYetText}</p>
        <p>
          <Link to="/" className="button">
            {t.pages.backHome}
          </Link>{' '}
          <Link to="/adoption" className="button">
            {t.nav.adoption}
          </Link>
        </p>
      </div>
    </>
  );
}

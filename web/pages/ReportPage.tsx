import { ComingSoon } from '../components/common/ComingSoon';
import { useI18n } from '../lib/i18n';

/** Report page: not built yet; says what it will show. */
export function ReportPage() {
  const { t } = useI18n();
  return <ComingSoon title={t.pages.report.title} what={t.pages.report.what} />;
}

import { ComingSoon } from '../components/common/ComingSoon';
import { useI18n } from '../lib/i18n';

/** Content analysis: not built yet; says what it will show. */
export function ContentPage() {
  const { t } = useI18n();
  return <ComingSoon title={t.pages.content.title} what={t.pages.content.what} />;
}

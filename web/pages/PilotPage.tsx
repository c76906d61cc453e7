import { ComingSoon } from '../components/common/ComingSoon';
import { useI18n } from '../lib/i18n';

/** Pilot page: not built yet; says what it will show. */
export function PilotPage() {
  const { t } = useI18n();
  return <ComingSoon title={t.pages.pilot.title} what={t.pages.pilot.what} />;
}

import { ComingSoon } from '../components/common/ComingSoon';
import { useI18n } from '../lib/i18n';

/** Influencers page: not built yet; says what it will show. */
export function InfluencersPage() {
  const { t } = useI18n();
  return <ComingSoon title={t.pages.influencers.title} what={t.pages.influencers.what} />;
}

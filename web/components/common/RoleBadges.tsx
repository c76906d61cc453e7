// Role badges (amplifier, broker, …) and the give/receive balance label of a ranked person.
// Each badge carries its definition as a tooltip; data-role lets tests and styles find it.
import type { Role } from '../../../analytics/graph/influence';
import { useI18n } from '../../lib/i18n';

/** The five roles in display order. */
export const roleOrder: readonly Role[] = ['amplifier', 'broker', 'expert', 'communityBuilder', 'risingVoice'];

export const isRole = (value: string | null | undefined): value is Role => roleOrder.includes(value as Role);

/** Splits the API's 'a;b' role text (network, history) into known roles. */
export const parseRoles = (text: string | null | undefined): Role[] => (text ? text.split(';').filter(isRole) : []);

/** One badge per role; nothing for no roles. `topics` are added to the expert badge's tooltip. */
export function RoleBadges({ roles, topics = [] }: { roles: readonly string[]; topics?: readonly string[] }) {
  const { t } = useI18n();
  const known = roleOrder.filter((r) => roles.includes(r));
  if (known.length === 0) return null;
  return (
    <span className="role-badges">
      {known.map((role) => (
        <span
          key={role}
          className={`badge role-badge role-${role}`}
          data-role={role}
          title={role === 'expert' && topics.length > 0 ? `${t.roles.def[role]} (${topics.join(', ')})` : t.roles.def[role]}
        >
          {t.roles.name[role]}
        </span>
      ))}
    </span>
  );
}

/** The give/receive balance in words, with the definitions as tooltip. */
export function BalanceLabel({ balance }: { balance: string }) {
  const { t } = useI18n();
  const names: Record<string, string> = t.balance.name;
  const name = names[balance] ?? balance;
  return (
    <span className={`balance balance-${balance}`} title={t.balance.def}>
      {name}
    </span>
  );
}

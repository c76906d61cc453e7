// Person-level views (ranking, profiles, network map) are for the roles lead and admin and are
// switched off in works-council mode. The pages ask /api/meta first and explain a refusal
// instead of sending requests that the API would answer with 403.
import { ApiRequestError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import type { Meta } from '../../lib/queries';

export type Refusal = 'worksCouncil' | 'role' | 'signIn';
export type PersonAccess = 'allowed' | Refusal;

/** Roles that may see person-level views (api/access.ts, area "person"). */
const personRoles = ['lead', 'admin'];

/** Whether the signed-in user may see person-level views, from /api/meta's `access`. */
export function personAccessOf(meta: Meta | undefined): PersonAccess {
  const access = meta?.access;
  if (!access) return 'allowed';
  if (access.worksCouncil) return 'worksCouncil';
  if (access.role && !personRoles.includes(access.role)) return 'role';
  return 'allowed';
}

/** The refusal a 401/403 answer means, or null for any other error. */
export function accessOfError(error: unknown): Refusal | null {
  if (!(error instanceof ApiRequestError)) return null;
  if (error.status === 401) return 'signIn';
  if (error.status === 403) return error.code === 'works_council' ? 'worksCouncil' : 'role';
  return null;
}

/** Why person-level figures are not shown, and where to go instead. */
export function AccessNote({ reason, role }: { reason: Refusal; role?: string | null }) {
  const { t } = useI18n();
  const title = reason === 'worksCouncil' ? t.access.worksCouncilTitle : reason === 'signIn' ? t.access.signInTitle : t.access.roleTitle;
  const text = reason === 'worksCouncil' ? t.access.worksCouncilText : reason === 'signIn' ? t.access.signInText : t.access.roleText(role ?? '?');
  return (
    <div className="state state-privacy" data-testid="access-note" data-reason={reason}>
      <h2>{title}</h2>
      <p>{text}</p>
    </div>
  );
}

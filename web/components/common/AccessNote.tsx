// Person-level views (ranking, profiles, network map) are for the roles lead and admin and are
// switched off in works-council mode; content analyses are for analyst and admin; imports and
// the audit log for admin only. The shell and the pages ask /api/meta first and explain a
// refusal instead of sending requests that the API would answer with 403.
import { ApiRequestError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import type { Access, Meta } from '../../lib/queries';

export type Refusal = 'worksCouncil' | 'role' | 'signIn';
export type PersonAccess = 'allowed' | Refusal;

/** What a page needs, as api/access.ts divides the API. */
export type Area = 'aggregate' | 'content' | 'person' | 'admin';

/** Roles per area (the same table as api/access.ts, which the browser bundle cannot import). */
const areaRoles: Record<Area, readonly string[]> = {
  aggregate: ['exec', 'analyst', 'lead', 'admin'],
  content: ['analyst', 'admin'],
  person: ['lead', 'admin'],
  admin: ['admin'],
};

/** Whether the signed-in user may use an area, from /api/meta's `access` (unknown access: allowed, the API decides). */
export function accessFor(area: Area, access: Access | null | undefined): PersonAccess {
  if (!access) return 'allowed';
  if (area === 'person' && access.worksCouncil) return 'worksCouncil';
  if (access.role && !areaRoles[area].includes(access.role)) return 'role';
  return 'allowed';
}

/** Whether the signed-in user may see person-level views, from /api/meta's `access`. */
export function personAccessOf(meta: Meta | undefined): PersonAccess {
  return accessFor('person', meta?.access);
}

/** The refusal a 401/403 answer means, or null for any other error. */
export function accessOfError(error: unknown): Refusal | null {
  if (!(error instanceof ApiRequestError)) return null;
  if (error.status === 401) return 'signIn';
  if (error.status === 403) return error.code === 'works_council' ? 'worksCouncil' : 'role';
  return null;
}

/** Why person-level figures are not shown, and where to go instead. */
export function AccessNote({ reason, role, area = 'person' }: { reason: Refusal; role?: string | null; area?: Area }) {
  const { t } = useI18n();
  const title = reason === 'worksCouncil' ? t.access.worksCouncilTitle : reason === 'signIn' ? t.access.signInTitle : t.access.roleTitle;
  const roleText = area === 'admin' ? t.access.roleTextAdmin : area === 'content' ? t.access.roleTextContent : t.access.roleText;
  const text = reason === 'worksCouncil' ? t.access.worksCouncilText : reason === 'signIn' ? t.access.signInText : roleText(role ?? '?');
  return (
    <div className="state state-privacy" data-testid="access-note" data-reason={reason}>
      <h2>{title}</h2>
      <p>{text}</p>
    </div>
  );
}

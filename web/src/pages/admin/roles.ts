/** The user roles as the admin pages show them, and a user row as the users API lists it. */
import type { Role } from '../../../../src/contract/index.js';

export interface UserRow {
  id: string;
  username: string;
  role: Role;
  canSeeFinancials: boolean;
  disabled: boolean;
}

export const ROLES: Array<{ value: Role; label: string; what: string }> = [
  { value: 'viewer', label: 'Viewer', what: 'reads the catalog, avails and deals' },
  { value: 'editor', label: 'Editor', what: 'also records and changes deals, imports' },
  { value: 'admin', label: 'Admin', what: 'also manages users' },
];
export const roleLabel = (r: string) => ROLES.find((x) => x.value === r)?.label ?? r;

/** "an admin", "a viewer". */
export const withArticle = (r: Role) => `${/^[aeiou]/.test(r) ? 'an' : 'a'} ${roleLabel(r).toLowerCase()}`;

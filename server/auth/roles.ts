import type { Role } from '@/db/column-values';

/** The four signed-in roles (the subscriber has no account), as the database keeps them; free of drizzle so the UI can use it. */
export { ROLES, type Role } from '@/db/column-values';

/** Where each role lands after signing in. */
export const WORKSPACE_PATH: Record<Role, string> = {
  dealer: '/dealer',
  operator: '/operator',
  backoffice: '/backoffice',
  admin: '/admin',
};

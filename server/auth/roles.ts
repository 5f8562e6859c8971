/** The four signed-in roles (the subscriber has no account). Kept free of database imports so the UI can use it. */
export const ROLES = ['dealer', 'operator', 'backoffice', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Where each role lands after signing in. */
export const WORKSPACE_PATH: Record<Role, string> = {
  dealer: '/dealer',
  operator: '/operator',
  backoffice: '/backoffice',
  admin: '/admin',
};

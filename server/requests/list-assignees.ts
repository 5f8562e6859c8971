import { and, asc, eq, inArray } from 'drizzle-orm';
import { users } from '@/db/schema';
import { staffOf, type RequestContext } from './request-context';

/** Who a request may be given to: the active back office employees and admins. */
export async function listAssignees({ ctx }: { ctx: RequestContext }) {
  staffOf(ctx);
  return ctx.db.select({ id: users.id, name: users.name, role: users.role }).from(users).where(and(inArray(users.role, ['backoffice', 'admin']), eq(users.active, true))).orderBy(asc(users.name));
}

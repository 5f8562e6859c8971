import { and, eq, inArray } from 'drizzle-orm';
import { first } from '@/db/client';
import { users } from '@/db/schema';
import { invalid } from '@/server/errors/domain-error';
import type { RequestContext } from './request-context';
import { moveRequest } from './request-transitions';
import { changeAsStaff } from './staff-change';
import { staffChangeDue } from './staff-due';

/** Gives a request to a colleague of the back office (or an admin), active. */
export async function assignRequest({ ctx, input }: { ctx: RequestContext; input: { id: string; assigneeId: string; version?: number } }) {
  return changeAsStaff(ctx, input, async (tx, row, actor, now) => {
    const assignee = await first(tx.select({ id: users.id }).from(users).where(and(eq(users.id, input.assigneeId), inArray(users.role, ['backoffice', 'admin']), eq(users.active, true))));
    if (!assignee) throw invalid('errors.requestAssigneeInvalid', 'Requests go to active back office employees only');
    await moveRequest(tx, row, 'assign', actor, { assigneeId: assignee.id, ...(await staffChangeDue(tx, row, 'assign')) }, now, { assigneeId: assignee.id });
  });
}

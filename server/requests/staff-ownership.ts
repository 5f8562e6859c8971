import type { Actor } from '@/server/context';
import { conflict } from '@/server/errors/domain-error';
import type { RequestRow } from './request-types';

/** Answering, pausing, resolving and closing belong to the employee who has the request (or an admin); an unassigned one is taken by the first who acts. */
export function assertMayHandle(row: Pick<RequestRow, 'assigneeId'>, actor: Actor): void {
  if (row.assigneeId && row.assigneeId !== actor.id && actor.role !== 'admin') throw conflict('errors.requestClaimedByOther', 'A colleague has taken this request', {});
}

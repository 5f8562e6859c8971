import { and, eq, sql } from 'drizzle-orm';
import { first, type Tx } from '@/db/client';
import { requests } from '@/db/schema';
import type { RequestStatus } from '@/db/column-values';
import { auditActor } from '@/server/audit/audit-actor';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import { conflict } from '@/server/errors/domain-error';
import type { RequestRow } from './request-types';

/** Who takes an action: the back office (and admins), the subscriber through the private link, an operator, the system. */
export type RequestActorKind = 'staff' | 'subscriber' | 'operator';

/**
 * A written request's life cycle in one table: for each action, who takes it and from which
 * status to which. Every change of a request goes through `moveRequest`, which reads only this
 * table, bumps the version (compare-and-set) and writes the audit event in the same transaction.
 * Actions that keep the status (a note, an assignment) are listed with the statuses they may be
 * taken in.
 */
export const REQUEST_TRANSITIONS = {
  submit: { by: ['subscriber', 'operator'], from: {} },
  claim: { by: ['staff'], from: { new: 'open', open: 'open', waiting: 'waiting' } },
  assign: { by: ['staff'], from: { new: 'open', open: 'open', waiting: 'waiting', resolved: 'resolved' } },
  note: { by: ['staff'], from: { new: 'new', open: 'open', waiting: 'waiting', resolved: 'resolved', closed: 'closed' } },
  reply: { by: ['staff'], from: { new: 'open', open: 'open', waiting: 'waiting' } },
  wait: { by: ['staff'], from: { new: 'waiting', open: 'waiting' } },
  resolve: { by: ['staff'], from: { new: 'resolved', open: 'resolved', waiting: 'resolved' } },
  close: { by: ['staff'], from: { new: 'closed', open: 'closed', waiting: 'closed', resolved: 'closed' } },
  merge: { by: ['staff'], from: { new: 'closed', open: 'closed', waiting: 'closed', resolved: 'closed' } },
  // The target of a merge receives the duplicate's reference.
  absorb: { by: ['staff'], from: { new: 'new', open: 'open', waiting: 'waiting', resolved: 'resolved' } },
  link: { by: ['staff'], from: { new: 'new', open: 'open', waiting: 'waiting', resolved: 'resolved', closed: 'closed' } },
  // The subscriber's answer: resumes the clock when waiting, reopens a resolved request.
  answer: { by: ['subscriber'], from: { new: 'new', open: 'open', waiting: 'open', resolved: 'open' } },
  addFiles: { by: ['subscriber'], from: { new: 'new', open: 'open', waiting: 'waiting' } },
  subscriberClose: { by: ['subscriber'], from: { new: 'closed', open: 'closed', waiting: 'closed', resolved: 'closed' } },
  reopen: { by: ['subscriber'], from: { resolved: 'open', closed: 'open' } },
  rate: { by: ['subscriber'], from: { resolved: 'resolved', closed: 'closed' } },
} as const satisfies Record<string, { by: readonly RequestActorKind[]; from: Partial<Record<RequestStatus, RequestStatus>> }>;

export type RequestAction = keyof typeof REQUEST_TRANSITIONS;

/** The status `action` leads to from the request's status, or a wrong-state refusal. */
export function targetOf(row: Pick<RequestRow, 'status'>, action: RequestAction): RequestStatus {
  const to = (REQUEST_TRANSITIONS[action].from as Partial<Record<RequestStatus, RequestStatus>>)[row.status];
  if (!to) throw conflict('errors.wrongState', `Cannot ${action} a request that is ${row.status}`, { status: row.status, action });
  return to;
}

/**
 * Moves a request by `action` (the status from the table, the other columns from `changes`) when
 * it is still at the version read, and records it in the audit chain. A request changed meanwhile
 * is refused (`errors.changedMeanwhile`).
 */
export async function moveRequest(
  tx: Tx,
  row: RequestRow,
  action: RequestAction,
  actor: { id: string; role: string } | null,
  changes: Partial<RequestRow>,
  now: Date,
  data: Record<string, unknown> = {},
): Promise<RequestRow> {
  const to = targetOf(row, action);
  const [updated] = await tx
    .update(requests)
    .set({ ...changes, status: to, version: sql`${requests.version} + 1`, updatedAt: now })
    .where(and(eq(requests.id, row.id), eq(requests.version, row.version)))
    .returning();
  if (!updated) {
    const current = await first(tx.select({ status: requests.status }).from(requests).where(eq(requests.id, row.id)));
    throw conflict('errors.changedMeanwhile', `The request changed meanwhile; cannot ${action} it`, { status: current?.status ?? 'unknown', action });
  }
  await writeAuditEvent(tx, { at: now, ...auditActor(actor), action: `request.${action}`, entityType: 'request', entityId: row.id, data: { from: row.status, to, ...data } });
  return updated;
}

import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { first, type DbOrTx, type Tx } from '@/db/client';
import { applications, chats, counters, packages, type PackageStatus } from '@/db/schema';
import { auditActor } from '@/server/audit/audit-actor';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import type { Actor } from '@/server/context';
import { conflict, notFound } from '@/server/errors/domain-error';
import { kyivDate } from '@/server/time/kyiv';

export type PackageRow = typeof packages.$inferSelect;

/** The input of a verb on one package. */
export const packageIdInput = z.object({ packageId: z.uuid('invalidId') });

/**
 * Who sees a package: operators (they prepare them for everyone's chats, and find them again),
 * admins, the dealer company of the chat it was sent to (once sent), and the back office once
 * one of its applications was submitted. Anyone else: NOT_FOUND.
 */
export async function getPackageForActor(db: DbOrTx, actor: Actor, packageId: string): Promise<PackageRow> {
  const row = await first(db.select().from(packages).where(eq(packages.id, packageId)));
  if (!row) throw notFound('Package');
  const allowed =
    actor.role === 'operator' ||
    actor.role === 'admin' ||
    (actor.role === 'dealer' && row.status !== 'draft' && row.dealerId === actor.dealerId) ||
    (actor.role === 'backoffice' &&
      (await first(
        db
          .select({ id: applications.id })
          .from(applications)
          .where(and(eq(applications.packageId, row.id), isNotNull(applications.submittedAt)))
          .limit(1),
      )) !== undefined);
  if (!allowed) throw notFound('Package');
  return row;
}

/** A package's life: prepared (and edited) as a draft, sent into a chat, opened by the dealer. */
export const PACKAGE_TRANSITIONS = {
  edit: { by: 'operator', from: ['draft'], to: null },
  /** After sending, only the company's details (the applications made keep their own data). */
  editDetails: { by: 'operator', from: ['draft', 'sent', 'opened'], to: null },
  send: { by: 'operator', from: ['draft'], to: 'sent' },
  open: { by: 'dealer', from: ['sent'], to: 'opened' },
} as const satisfies Record<string, { by: Actor['role']; from: readonly PackageStatus[]; to: PackageStatus | null }>;

/**
 * Moves a package with `WHERE status IN (from) AND version = v` (one winner), bumps its version
 * and writes the audit event, in the caller's transaction. `edit` keeps the status. A package
 * read in a status the action does not leave from is a wrong state (`errors.wrongState`); one
 * changed between the read and the write is a lost race (`errors.changedMeanwhile`).
 */
export async function movePackage(tx: Tx, row: PackageRow, action: keyof typeof PACKAGE_TRANSITIONS, actor: Actor, changes: Partial<PackageRow>, now: Date, audit: Record<string, unknown> = {}): Promise<PackageRow> {
  const rule = PACKAGE_TRANSITIONS[action];
  if (actor.role !== rule.by) throw notFound('Package');
  if (!(rule.from as readonly PackageStatus[]).includes(row.status)) throw conflict('errors.wrongState', `Cannot ${action} a package that is ${row.status}`, { status: row.status });
  const to = rule.to ?? row.status;
  const [updated] = await tx
    .update(packages)
    .set({ ...changes, status: to, version: row.version + 1, updatedAt: now })
    .where(and(eq(packages.id, row.id), inArray(packages.status, [...rule.from]), eq(packages.version, row.version)))
    .returning();
  if (!updated) {
    const current = (await first(tx.select({ status: packages.status }).from(packages).where(eq(packages.id, row.id))))?.status ?? 'unknown';
    throw conflict('errors.changedMeanwhile', `The package was changed meanwhile (now ${current}); cannot ${action} it`, { status: current });
  }
  await writeAuditEvent(tx, { at: now, ...auditActor(actor), action: `package.${action}`, entityType: 'package', entityId: row.id, data: { from: row.status, to, version: updated.version, ...audit } });
  return updated;
}

/** PK-2026-000012: a yearly counter, taken inside the transaction. */
export async function nextPackageNumber(tx: Tx, now: Date): Promise<string> {
  const year = kyivDate(now).slice(0, 4);
  const [row] = await tx
    .insert(counters)
    .values({ name: `package-${year}`, value: 1 })
    .onConflictDoUpdate({ target: counters.name, set: { value: sql`${counters.value} + 1` } })
    .returning();
  if (!row) throw new Error('the insert returned no row');
  return `PK-${year}-${String(row.value).padStart(6, '0')}`;
}

/** The chat a package goes to: the operator's own active chat. */
export async function chatOfOperator(tx: Tx, actor: Actor, chatId: string) {
  const chat = await first(tx.select().from(chats).where(eq(chats.id, chatId)));
  if (!chat || chat.operatorId !== actor.id) throw notFound('Chat');
  if (chat.status !== 'active') throw conflict('errors.wrongState', `Cannot send a package into a chat that is ${chat.status}`, { status: chat.status });
  return chat;
}

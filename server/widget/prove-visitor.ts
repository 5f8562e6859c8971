import { visitorAuditActor } from './widget-chat-access';
import { and, eq, inArray } from 'drizzle-orm';
import { first, type Tx } from '@/db/client';
import { attachments, chatMessages, chats, visitors, visitorSessions } from '@/db/schema';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import { appendMessage, systemMessage } from '@/server/chat/append-message';
import { chatAudience } from '@/server/chat/chat-access';
import type { Emitter } from '@/server/realtime/change-and-publish';
import type { VisitorContext, VisitorRow } from './widget-context';

export type Proof = { msisdn: string; email?: never } | { email: string; msisdn?: never };

/**
 * The session's person proved a number (or an address): from now on the session belongs to the
 * visitor of that number, found or made, so a subscriber proving it again on another device finds
 * their conversation. A guest's chats move with them (messages and files too); a session of
 * another proven visitor moves alone (that visitor's chats stay theirs). The operator of each open
 * chat is told (`chat.visitorVerified`) and the chat says "number verified". Run inside the
 * caller's routingTransaction (its lock first: two proofs of one new number at once, on
 * PostgreSQL, would otherwise both make its visitor), with its audit event.
 */
export async function proveVisitor(tx: Tx, emitter: Emitter, ctx: VisitorContext, proof: Proof, verifiedBy: 'sms' | 'email' | 'portal'): Promise<VisitorRow> {
  const now = ctx.clock.now();
  const current = await first(tx.select().from(visitors).where(eq(visitors.id, ctx.widgetSession.visitor.id)));
  if (!current) throw new Error('the session’s visitor vanished');
  const byProof = proof.msisdn !== undefined ? eq(visitors.msisdn, proof.msisdn) : eq(visitors.email, proof.email);
  const guest = current.msisdn === null && current.email === null;
  let target = await first(tx.select().from(visitors).where(byProof));
  if (!target && guest) {
    // The guest becomes the visitor of this number: same row, nothing to move.
    [target] = await tx
      .update(visitors)
      .set({ msisdn: proof.msisdn ?? null, email: proof.email ?? null, verifiedBy, verifiedAt: now })
      .where(eq(visitors.id, current.id))
      .returning();
  } else if (!target) {
    [target] = await tx
      .insert(visitors)
      .values({ msisdn: proof.msisdn ?? null, email: proof.email ?? null, verifiedBy, verifiedAt: now, locale: current.locale, createdAt: now })
      .returning();
  } else {
    [target] = await tx.update(visitors).set({ verifiedBy, verifiedAt: now }).where(eq(visitors.id, target.id)).returning();
  }
  if (!target) throw new Error('the proven visitor was not stored');
  let moved: string[] = [];
  if (guest && target.id !== current.id) {
    moved = (await tx.update(chats).set({ visitorId: target.id }).where(eq(chats.visitorId, current.id)).returning({ id: chats.id })).map((c) => c.id);
    await tx.update(chatMessages).set({ visitorId: target.id }).where(eq(chatMessages.visitorId, current.id));
    await tx.update(attachments).set({ visitorId: target.id }).where(eq(attachments.visitorId, current.id));
  }
  await tx.update(visitorSessions).set({ visitorId: target.id }).where(eq(visitorSessions.id, ctx.widgetSession.id));
  await writeAuditEvent(tx, {
    at: now,
    ...visitorAuditActor(current),
    action: 'visitor.verify',
    entityType: 'visitor',
    entityId: target.id,
    data: { by: verifiedBy, msisdn: target.msisdn, email: target.email, fromVisitorId: current.id, sessionId: ctx.widgetSession.id, movedChats: moved },
  });
  const open = await tx.select().from(chats).where(and(eq(chats.visitorId, target.id), inArray(chats.status, ['queued', 'active'])));
  for (const chat of open) {
    await appendMessage(tx, emitter, chat, systemMessage('visitorVerified', { who: target.msisdn ?? target.email ?? '' }), now);
    await emitter.emit({ type: 'chat.visitorVerified', ...chatAudience(chat), payload: { chatId: chat.id, msisdn: target.msisdn, email: target.email, verifiedBy } });
  }
  return target;
}

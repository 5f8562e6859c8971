import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, gte } from 'drizzle-orm';
import type { z } from 'zod';
import { first, inTransaction } from '@/db/client';
import { oneTimeCodes, visitorSessions } from '@/db/schema';
import { lockForUpdate } from '@/db/row-lock';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import { DomainError } from '@/server/errors/domain-error';
import { enqueueNotification } from '@/server/notifications/outbox';
import { CODE_LIMITS } from './code-limits';
import { requireUaMobile } from './msisdn';
import { codeHash, newCode } from './one-time-code';
import type { codeRequestedDto, requestCodeInput } from './schemas';
import type { VisitorContext } from './widget-context';
import { visitorAuditActor } from './widget-chat-access';

const tooMany = (messageKey: string, message: string, details?: Record<string, unknown>) => new DomainError('too_many', messageKey, message, details);

/**
 * Sends a code to prove a Ukrainian mobile number (SMS) or an e-mail address, through the
 * notification outbox (kind 'widget.code'). Refused: a non-Ukrainian-mobile number; a second code
 * within a minute of the session's last; past the caps per number, client address and session
 * (./code-limits.ts). A new code replaces the session's earlier ones (only the last counts).
 */
export async function requestCode({ ctx, input }: { ctx: VisitorContext; input: z.output<typeof requestCodeInput> }): Promise<z.output<typeof codeRequestedDto>> {
  const destination = input.channel === 'sms' ? requireUaMobile(input.msisdn) : input.email.trim().toLowerCase();
  const { visitor } = ctx.widgetSession;
  const sessionId = ctx.widgetSession.id;
  const now = ctx.clock.now();
  const dayAgo = new Date(now.getTime() - CODE_LIMITS.dayMs);
  return inTransaction(ctx.db, async (tx) => {
    // One request of a session at a time (PostgreSQL): the minute between codes and the session's cap hold under double taps.
    await lockForUpdate(tx, tx.select({ id: visitorSessions.id }).from(visitorSessions).where(eq(visitorSessions.id, sessionId)));
    const last = await first(tx.select({ createdAt: oneTimeCodes.createdAt }).from(oneTimeCodes).where(eq(oneTimeCodes.sessionId, sessionId)).orderBy(desc(oneTimeCodes.createdAt)).limit(1));
    if (last && now.getTime() - last.createdAt.getTime() < CODE_LIMITS.resendAfterMs) {
      const seconds = Math.ceil((CODE_LIMITS.resendAfterMs - (now.getTime() - last.createdAt.getTime())) / 1000);
      throw tooMany('errors.codeResendTooSoon', `A new code can be asked in ${seconds} s`, { seconds });
    }
    const counted = async (where: ReturnType<typeof and>) => (await first(tx.select({ n: count() }).from(oneTimeCodes).where(where)))?.n ?? 0;
    if ((await counted(eq(oneTimeCodes.sessionId, sessionId))) >= CODE_LIMITS.perSession) {
      throw tooMany('errors.codeLimitSession', 'This chat session has asked for too many codes', { limit: CODE_LIMITS.perSession });
    }
    if ((await counted(and(eq(oneTimeCodes.destination, destination), gte(oneTimeCodes.createdAt, dayAgo)))) >= CODE_LIMITS.perDestinationPerDay) {
      throw tooMany('errors.codeLimitDestination', 'Too many codes were sent to this number or address today', { limit: CODE_LIMITS.perDestinationPerDay });
    }
    if ((await counted(and(eq(oneTimeCodes.ip, ctx.ip), gte(oneTimeCodes.createdAt, dayAgo)))) >= CODE_LIMITS.perAddressPerDay) {
      throw tooMany('errors.codeLimitAddress', 'Too many codes were asked from this network today', { limit: CODE_LIMITS.perAddressPerDay });
    }
    const id = randomUUID();
    const code = newCode();
    const expiresAt = new Date(now.getTime() + CODE_LIMITS.lifeMs);
    await tx.insert(oneTimeCodes).values({ id, channel: input.channel, destination, sessionId, codeHash: codeHash(id, code), ip: ctx.ip, createdAt: now, expiresAt });
    const en = visitor.locale === 'en';
    const body = en
      ? `Your chat code: ${code}. It is valid for 5 minutes. Do not tell it to anyone, operators never ask for it.`
      : `Код для чату: ${code}. Дійсний 5 хвилин. Нікому його не повідомляйте, оператори його не запитують.`;
    await enqueueNotification(
      tx,
      { dedupeKey: `widget.code:${id}`, applicationId: null, kind: 'widget.code', channel: input.channel, recipient: destination, subject: en ? 'Your chat code' : 'Код для чату', body },
      now,
    );
    await writeAuditEvent(tx, { at: now, ...visitorAuditActor(visitor), action: 'visitor.codeRequest', entityType: 'visitor', entityId: visitor.id, data: { channel: input.channel, destination, ip: ctx.ip, codeId: id } });
    return { channel: input.channel, destination, expiresAt, resendAfter: new Date(now.getTime() + CODE_LIMITS.resendAfterMs), attemptsLeft: CODE_LIMITS.maxAttempts };
  });
}

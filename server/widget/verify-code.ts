import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { first } from '@/db/client';
import { oneTimeCodes } from '@/db/schema';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import { announceSessionChange } from '@/server/auth/session-signals';
import { invalid } from '@/server/errors/domain-error';
import { routingTransaction } from '@/server/chat/route-waiting-chats';
import { CODE_LIMITS } from './code-limits';
import { codeMatches } from './one-time-code';
import { proveVisitor } from './prove-visitor';
import type { verifyCodeInput, visitorDto } from './schemas';
import { visitorDtoOf } from './visitor-dto';
import type { VisitorContext } from './widget-context';
import { visitorAuditActor } from './widget-chat-access';

/**
 * Checks the code last sent for this session. Right: the number (or address) is proven
 * (./prove-visitor.ts) and the code is used up. Wrong: one of its 3 attempts is spent (kept even
 * though the answer is an error); after the third the code is dead and a new one must be asked.
 */
export async function verifyCode({ ctx, input }: { ctx: VisitorContext; input: z.output<typeof verifyCodeInput> }): Promise<z.output<typeof visitorDto>> {
  const outcome = await routingTransaction(ctx, async (tx, emitter) => {
    const now = ctx.clock.now();
    const code = await first(tx.select().from(oneTimeCodes).where(eq(oneTimeCodes.sessionId, ctx.widgetSession.id)).orderBy(desc(oneTimeCodes.createdAt)).limit(1));
    if (!code) return { error: invalid('errors.codeNotRequested', 'Ask for a code first') };
    if (code.consumedAt) return { error: invalid('errors.codeUsed', 'This code was used already: ask for a new one') };
    if (code.attempts >= CODE_LIMITS.maxAttempts) return { error: invalid('errors.codeDead', 'Too many wrong tries: ask for a new code') };
    if (code.expiresAt <= now) return { error: invalid('errors.codeExpired', 'The code has expired: ask for a new one') };
    // One attempt spent, atomically (two tries at once cannot both use the last one).
    const [spent] = await tx
      .update(oneTimeCodes)
      .set({ attempts: sql`${oneTimeCodes.attempts} + 1` })
      .where(and(eq(oneTimeCodes.id, code.id), lt(oneTimeCodes.attempts, CODE_LIMITS.maxAttempts), isNull(oneTimeCodes.consumedAt)))
      .returning({ attempts: oneTimeCodes.attempts });
    if (!spent) return { error: invalid('errors.codeDead', 'Too many wrong tries: ask for a new code') };
    const { visitor } = ctx.widgetSession;
    if (!codeMatches(code.id, input.code, code.codeHash)) {
      const attemptsLeft = CODE_LIMITS.maxAttempts - spent.attempts;
      await writeAuditEvent(tx, { at: now, ...visitorAuditActor(visitor), action: 'visitor.codeFailed', entityType: 'visitor', entityId: visitor.id, data: { codeId: code.id, attempts: spent.attempts } });
      return attemptsLeft > 0
        ? { error: invalid('errors.codeWrong', `Wrong code: ${attemptsLeft} tries left`, { attemptsLeft }) }
        : { error: invalid('errors.codeDead', 'Too many wrong tries: ask for a new code') };
    }
    await tx.update(oneTimeCodes).set({ consumedAt: now }).where(eq(oneTimeCodes.id, code.id));
    const proof = code.channel === 'sms' ? { msisdn: code.destination } : { email: code.destination };
    return { visitor: await proveVisitor(tx, emitter, ctx, proof, code.channel) };
  });
  if ('error' in outcome) throw outcome.error;
  // The session may belong to another visitor now: its open feeds re-check it (and end if so).
  announceSessionChange({ widgetSessionId: ctx.widgetSession.id });
  return visitorDtoOf(outcome.visitor);
}

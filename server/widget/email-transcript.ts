import { randomUUID } from 'node:crypto';
import { and, count, eq, gte } from 'drizzle-orm';
import type { z } from 'zod';
import { first } from '@/db/client';
import { auditEvents, notifications, users } from '@/db/schema';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import { systemText } from '@/server/chat/chat-transcript';
import { loadVisitorMessages } from '@/server/chat/load-messages';
import { DomainError } from '@/server/errors/domain-error';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import { enqueueNotification } from '@/server/notifications/outbox';
import { CODE_LIMITS, TRANSCRIPT_LIMITS } from './code-limits';
import type { transcriptInput } from './schemas';
import { getChatForVisitor, visitorAuditActor } from './widget-chat-access';
import type { VisitorContext } from './widget-context';

/**
 * Queues an e-mail with the conversation as the visitor saw it (never the operators' notes nor
 * application cards), in the visitor's language. Limited per visitor and per address a day.
 */
export async function emailTranscript({ ctx, input }: { ctx: VisitorContext; input: z.output<typeof transcriptInput> }): Promise<void> {
  const { visitor } = ctx.widgetSession;
  const email = input.email.trim().toLowerCase();
  const locale = visitor.locale;
  await changeAndPublish(ctx, async (tx) => {
    const now = ctx.clock.now();
    const dayAgo = new Date(now.getTime() - CODE_LIMITS.dayMs);
    const chat = await getChatForVisitor(tx, visitor.id, input.chatId);
    const byVisitor = (await first(tx.select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.action, 'chat.transcript'), eq(auditEvents.actorId, visitor.id), gte(auditEvents.at, dayAgo)))))?.n ?? 0;
    const toAddress = (await first(tx.select({ n: count() }).from(notifications).where(and(eq(notifications.kind, 'widget.transcript'), eq(notifications.recipient, email), gte(notifications.createdAt, dayAgo)))))?.n ?? 0;
    if (byVisitor >= TRANSCRIPT_LIMITS.perSessionPerDay || toAddress >= TRANSCRIPT_LIMITS.perAddressPerDay) {
      throw new DomainError('too_many', 'errors.transcriptLimit', 'Too many transcripts were asked today', { limit: TRANSCRIPT_LIMITS.perSessionPerDay });
    }
    const operator = chat.operatorId ? await first(tx.select({ name: users.name }).from(users).where(eq(users.id, chat.operatorId))) : undefined;
    const messages = await loadVisitorMessages(tx, chat.id);
    const en = locale === 'en';
    const lines = messages.map((m) => {
      const time = m.createdAt.toISOString().replace('T', ' ').slice(0, 19);
      if (m.kind === 'system') return `[${time}] — ${systemText(m.body, locale)}`;
      const who = m.authorRole === 'subscriber' ? (en ? 'You' : 'Ви') : (m.authorName ?? '?');
      return `[${time}] ${who}: ${m.kind === 'attachment' ? `📎 ${m.body}` : m.body}`;
    });
    const header = en
      ? [`Your chat with the operator of ${chat.createdAt.toISOString().slice(0, 10)}`, `Operator: ${operator?.name ?? '—'}`, 'Times are UTC.', '']
      : [`Ваша розмова з оператором від ${chat.createdAt.toISOString().slice(0, 10)}`, `Оператор: ${operator?.name ?? '—'}`, 'Час — UTC.', ''];
    await enqueueNotification(
      tx,
      {
        dedupeKey: `widget.transcript:${randomUUID()}`,
        applicationId: null,
        kind: 'widget.transcript',
        channel: 'email',
        recipient: email,
        subject: en ? 'Your chat with the operator' : 'Ваша розмова з оператором',
        body: [...header, ...lines].join('\n') + '\n',
      },
      now,
    );
    await writeAuditEvent(tx, { at: now, ...visitorAuditActor(visitor), action: 'chat.transcript', entityType: 'chat', entityId: chat.id, data: { email } });
  });
}

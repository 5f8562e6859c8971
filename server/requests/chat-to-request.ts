import { eq } from 'drizzle-orm';
import { first, inTransaction } from '@/db/client';
import { chats, visitors } from '@/db/schema';
import { systemText } from '@/server/chat/chat-transcript';
import { loadVisitorMessages } from '@/server/chat/load-messages';
import { DomainError, invalid, notFound } from '@/server/errors/domain-error';
import { forbidden } from './request-errors';
import { createRequest } from './create-request';
import { activeCategory } from './request-access';
import type { RequestContext } from './request-context';
import { REQUEST_LIMITS } from './schemas';

/**
 * The operator turns a subscriber's chat into a written request (what needs the back office): the
 * chat's transcript as the subscriber saw it (never notes) is the first line, the visitor's proven
 * number (or e-mail) is the request's; the subscriber is told the number and the link.
 */
export async function chatToRequest({ ctx, input }: { ctx: RequestContext; input: { chatId: string; category: string; text?: string } }) {
  const actor = ctx.actor;
  if (!actor || (actor.role !== 'operator' && actor.role !== 'admin')) throw forbidden();
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    const chat = await first(tx.select().from(chats).where(eq(chats.id, input.chatId)));
    if (!chat || (actor.role === 'operator' && chat.operatorId !== actor.id)) throw notFound('Chat');
    if (chat.class !== 'subscriber' || !chat.visitorId) throw invalid('errors.requestChatNotSubscriber', 'Only a subscriber’s chat can become a request');
    const visitor = await first(tx.select().from(visitors).where(eq(visitors.id, chat.visitorId)));
    if (!visitor?.verifiedAt || (!visitor.msisdn && !visitor.email)) throw new DomainError('conflict', 'errors.requestChatNotProven', 'The subscriber has not proven their number in this chat');
    const category = await activeCategory(tx, input.category);
    const lines = (await loadVisitorMessages(tx, chat.id)).map((m) => {
      const time = m.createdAt.toISOString().replace('T', ' ').slice(0, 16);
      if (m.kind === 'system') return `[${time}] — ${systemText(m.body, visitor.locale)}`;
      const who = m.authorRole === 'subscriber' ? (visitor.locale === 'en' ? 'Subscriber' : 'Абонент') : (m.authorName ?? '?');
      return `[${time}] ${who}: ${m.kind === 'attachment' ? `📎 ${m.body}` : m.body}`;
    });
    const text = [input.text ?? '', input.text ? '' : null, ...lines].filter((line) => line !== null).join('\n').trim().slice(0, REQUEST_LIMITS.text) || '—';
    const { row } = await createRequest(
      tx,
      { category, text, msisdn: visitor.msisdn, email: visitor.msisdn ? null : visitor.email, locale: visitor.locale, visitorId: visitor.id, chatId: chat.id, files: [], consentAt: now, actor },
      ctx.appUrl,
      now,
    );
    return { id: row.id, number: row.number, status: row.status, version: row.version };
  });
}

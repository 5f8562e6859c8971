import { eq } from 'drizzle-orm';
import { first } from '@/db/client';
import { applications, chats } from '@/db/schema';
import { notFound } from '@/server/errors/domain-error';
import type { RequestContext } from './request-context';
import { moveRequest } from './request-transitions';
import { changeAsStaff } from './staff-change';

/** Links a request to an application (by its number) or a chat, or unlinks it (null); undefined leaves that link as it is. */
export async function linkRequest({ ctx, input }: { ctx: RequestContext; input: { id: string; applicationNumber?: string | null; chatId?: string | null } }) {
  return changeAsStaff(ctx, input, async (tx, row, actor, now) => {
    const changes: { applicationId?: string | null; chatId?: string | null } = {};
    if (input.applicationNumber !== undefined) {
      if (input.applicationNumber === null || input.applicationNumber === '') changes.applicationId = null;
      else {
        const application = await first(tx.select({ id: applications.id }).from(applications).where(eq(applications.number, input.applicationNumber.trim().toUpperCase())));
        if (!application) throw notFound('Application');
        changes.applicationId = application.id;
      }
    }
    if (input.chatId !== undefined) {
      if (input.chatId === null) changes.chatId = null;
      else {
        const chat = await first(tx.select({ id: chats.id }).from(chats).where(eq(chats.id, input.chatId)));
        if (!chat) throw notFound('Chat');
        changes.chatId = chat.id;
      }
    }
    await moveRequest(tx, row, 'link', actor, changes, now, changes);
  });
}

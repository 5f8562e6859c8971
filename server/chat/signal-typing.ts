import type { SignedInContext } from '@/server/context';
import { ephemeralEvent } from '@/server/realtime/change-and-publish';
import { chatAudience, getChatForActor, mayWriteChat } from './chat-access';

/** "Is typing…": not stored, just passed to the other side. */
export async function signalTyping({ ctx, input }: { ctx: SignedInContext; input: { chatId: string } }): Promise<void> {
  const chat = await getChatForActor(ctx.db, ctx.actor, input.chatId);
  if (!mayWriteChat(ctx.actor, chat) || (chat.status !== 'active' && chat.status !== 'queued')) return;
  ctx.bus.publish([ephemeralEvent({ type: 'chat.typing', ...chatAudience(chat), payload: { chatId: chat.id, role: ctx.actor.role, name: ctx.actor.name } }, ctx.clock.now())]);
}

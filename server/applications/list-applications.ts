import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { APPLICATION_STATUSES, applications, chats } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import type { ApplicationDto, ApplicationSummary } from './schemas';
import { summaries } from './application-summaries';

export const listApplicationsInput = z
  .object({
    status: z.enum(APPLICATION_STATUSES).optional(),
    templateId: z.string().max(60).optional(),
    chatId: z.uuid('invalidId').optional(),
  })
  .optional();

/** The dealer company's applications, or the operator's (from their chats); admins see all. */
export async function listApplications({ ctx, input }: { ctx: SignedInContext; input?: { status?: ApplicationDto['status']; templateId?: string; chatId?: string } }): Promise<ApplicationSummary[]> {
  const { actor } = ctx;
  const scope =
    actor.role === 'admin'
      ? undefined
      : actor.role === 'dealer'
        ? eq(applications.dealerId, actor.dealerId ?? '\u0000')
        : inArray(applications.chatId, ctx.db.select({ id: chats.id }).from(chats).where(eq(chats.operatorId, actor.id)));
  return await summaries(
    ctx.db,
    and(
      scope,
      input?.status ? eq(applications.status, input.status) : undefined,
      input?.templateId ? eq(applications.templateId, input.templateId) : undefined,
      input?.chatId ? eq(applications.chatId, input.chatId) : undefined,
    ),
  );
}

import { and, asc, eq } from 'drizzle-orm';
import { cannedReplies } from '@/db/schema';
import { staffOf, type RequestContext } from './request-context';

/** The active canned replies for written requests (scope 'request'; admins manage them with the chats'). */
export async function listRequestCannedReplies({ ctx }: { ctx: RequestContext }) {
  staffOf(ctx);
  const rows = await ctx.db.select().from(cannedReplies).where(and(eq(cannedReplies.scope, 'request'), eq(cannedReplies.active, true))).orderBy(asc(cannedReplies.titleUk));
  return rows.map(({ id, titleUk, titleEn, bodyUk, bodyEn }) => ({ id, titleUk, titleEn, bodyUk, bodyEn }));
}

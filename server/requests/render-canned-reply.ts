import { and, eq } from 'drizzle-orm';
import { first } from '@/db/client';
import { cannedReplies } from '@/db/schema';
import { notFound } from '@/server/errors/domain-error';
import { fillPlaceholders } from './fill-placeholders';
import { findCategory, findRequest } from './request-access';
import { staffOf, type RequestContext } from './request-context';

/** A canned reply in the request's language with its placeholders filled in, for the composer (the reply fills them again if left). */
export async function renderCannedReply({ ctx, input }: { ctx: RequestContext; input: { id: string; cannedReplyId: string } }) {
  const actor = staffOf(ctx);
  const row = await findRequest(ctx.db, input.id);
  const reply = await first(ctx.db.select().from(cannedReplies).where(and(eq(cannedReplies.id, input.cannedReplyId), eq(cannedReplies.scope, 'request'), eq(cannedReplies.active, true))));
  if (!reply) throw notFound('Canned reply');
  const category = await findCategory(ctx.db, row.category);
  return { body: fillPlaceholders(row.locale === 'en' ? reply.bodyEn : reply.bodyUk, row, category, actor.name) };
}

import { z } from 'zod';
import { notFound } from '@/server/errors/domain-error';
import type { FileStorage } from '@/server/storage/file-storage';
import { loadApplication, resolveLink, type SubscriberContext, type tokenInput } from './subscriber-link';

/** The signed PDF, for the link's holder. */
export async function pdfByLink({ ctx, input }: { ctx: SubscriberContext & { storage: FileStorage }; input: z.infer<typeof tokenInput> }) {
  const link = await resolveLink(ctx, input.token);
  const application = await loadApplication(ctx.db, link);
  if (!application.pdfKey) throw notFound('PDF');
  return { fileName: `${application.number}.pdf`, bytes: await ctx.storage.get(application.pdfKey) };
}

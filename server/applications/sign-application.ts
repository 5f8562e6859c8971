import { z } from 'zod';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import { prepareSigning, signaturesInput, type SigningContext } from './prepare-signing';

export const signInput = z.object({
  applicationId: z.uuid('invalidId'),
  version: z.number().int().min(1),
  signatures: signaturesInput,
});
export type SignInput = z.infer<typeof signInput>;

/**
 * Every party and the dealer sign; the PDF is rendered from the template and sealed (outside the
 * transaction: it is async), stored under its sha256 and then, in one transaction, the
 * signatures, the file's hash and `signed` are recorded with the audit event. If anything fails,
 * the application stays `verified` and the files this attempt created are removed — never the
 * same images another application already uses.
 */
export async function signApplication({ ctx, input }: { ctx: SigningContext; input: SignInput }) {
  const prepared = await prepareSigning({ ctx, input });
  let result;
  try {
    result = await changeAndPublish(ctx, (tx, emitter) => prepared.commit(tx, emitter));
  } catch (error) {
    await prepared.files.discard();
    throw error;
  }
  await prepared.files.keep();
  return result;
}

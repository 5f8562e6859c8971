import { z } from 'zod';
import { prepareSigning, signaturesInput, type PreparedSigning, type SigningContext } from '@/server/applications/prepare-signing';
import { conflict } from '@/server/errors/domain-error';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import { allows } from '@/server/workflow/transition-table';
import { packageApplications } from './package-applications';

export const signPackageInput = z.object({ packageId: z.uuid('invalidId'), signatures: signaturesInput });

/**
 * The representative (and the dealer) sign once: the one drawing goes onto every document, each
 * rendered and sealed as its own PDF, and all are recorded in one transaction — all signed, or
 * none (and no file this attempt created left behind).
 */
export async function signPackage({ ctx, input }: { ctx: SigningContext; input: z.infer<typeof signPackageInput> }) {
  const apps = await packageApplications(ctx, input.packageId);
  const notReady = apps.filter((a) => !allows(a.status, 'sign', ctx.actor.role));
  if (notReady.length) throw conflict('errors.packageNotVerified', `Every application must be verified first: ${notReady.map((a) => `${a.number} is ${a.status}`).join(', ')}`, { numbers: notReady.map((a) => a.number) });
  const prepared: PreparedSigning[] = [];
  let result;
  try {
    for (const app of apps) prepared.push(await prepareSigning({ ctx, input: { applicationId: app.id, version: app.version, signatures: input.signatures } }));
    result = await changeAndPublish(ctx, async (tx, emitter) => {
      const signed = [];
      for (const p of prepared) signed.push(await p.commit(tx, emitter));
      return signed;
    });
  } catch (error) {
    // Each removes only what it created: the images the first stored are found, not created, by the next.
    for (const p of prepared) await p.files.discard();
    throw error;
  }
  for (const p of prepared) await p.files.keep();
  return result;
}


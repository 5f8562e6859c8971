import { z } from 'zod';
import { changeInTx } from '@/server/applications/change-application';
import { submission } from '@/server/applications/submit-application';
import type { SignedInContext } from '@/server/context';
import { conflict } from '@/server/errors/domain-error';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import { allows } from '@/server/workflow/transition-table';
import { packageApplications } from './package-applications';

export const submitPackageInput = z.object({ packageId: z.uuid('invalidId'), requestId: z.uuid('invalidId') });

/** Submits the whole package in one transaction (each application gets its own confirmation link). A replay submits nothing twice. */
export async function submitPackage({ ctx, input }: { ctx: SignedInContext & { appUrl: string }; input: z.infer<typeof submitPackageInput> }) {
  const apps = await packageApplications(ctx, input.packageId);
  const notReady = apps.filter((a) => !allows(a.status, 'submit', ctx.actor.role) && a.submitRequestId !== input.requestId);
  if (notReady.length) throw conflict('errors.packageNotSigned', `Every application must be signed first: ${notReady.map((a) => `${a.number} is ${a.status}`).join(', ')}`, { numbers: notReady.map((a) => a.number) });
  return changeAndPublish(ctx, async (tx, emitter) => {
    const submitted = [];
    for (const app of apps) submitted.push(await changeInTx(ctx, tx, emitter, submission(ctx, { applicationId: app.id, requestId: input.requestId })));
    return submitted;
  });
}

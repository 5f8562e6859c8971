import { z } from 'zod';
import { changeInTx } from '@/server/applications/change-application';
import { identifyParty } from '@/server/applications/save-identification';
import type { SignedInContext } from '@/server/context';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import { REPRESENTATIVE_PARTY } from '@/templates/legal-entity';
import { packageApplications } from './package-applications';

export const identifyPackageInput = z.object({ packageId: z.uuid('invalidId'), values: z.record(z.string().max(40), z.unknown()) });

/** The representative is identified once: the same identification goes into every application of the package (each audited). */
export async function identifyPackage({ ctx, input }: { ctx: SignedInContext; input: z.infer<typeof identifyPackageInput> }) {
  const apps = await packageApplications(ctx, input.packageId);
  return changeAndPublish(ctx, async (tx, emitter) => {
    const changed = [];
    // One after another: one transaction, in the package's order.
    for (const app of apps) changed.push(await changeInTx(ctx, tx, emitter, { applicationId: app.id, action: 'identify', work: identifyParty(ctx, { party: REPRESENTATIVE_PARTY.key, values: input.values }) }));
    return changed;
  });
}


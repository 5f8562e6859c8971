import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { first, type Tx } from '@/db/client';
import { attachments, identifications } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { invalid } from '@/server/errors/domain-error';
import { identificationSchema } from '@/templates/identification';
import type { LoadedApplication } from './application-access';
import { changeApplication, type ChangePlan } from './change-application';

export const saveIdentificationInput = z.object({
  applicationId: z.uuid('invalidId'),
  version: z.number().int().min(1).optional(),
  party: z.string().min(1).max(40),
  values: z.record(z.string().max(40), z.unknown()),
});

/** One party's identification with the dealer's attestation (who, when, at which point of sale). */
export function saveIdentification({ ctx, input }: { ctx: SignedInContext; input: z.infer<typeof saveIdentificationInput> }) {
  return changeApplication(ctx, { applicationId: input.applicationId, action: 'identify', expectedVersion: input.version, work: identifyParty(ctx, input) });
}

/**
 * The work of identifying a party (also a package's representative in each of its applications):
 * the document's rules, the scans belong to the chat, the attestation stored.
 */
export function identifyParty(ctx: SignedInContext, input: { party: string; values: Record<string, unknown> }) {
  return async ({ application, template }: LoadedApplication, tx: Tx, now: Date): Promise<ChangePlan> => {
    const party = template.parties.find((p) => p.key === input.party);
    if (!party) throw invalid('errors.unknownParty', `The form "${template.id}" has no party "${input.party}"`);
    // Wrapped so that error paths read `values.<field>`, as the procedure's input names them.
    const { values } = z.object({ values: identificationSchema(party, { applicationDate: application.applicationDate }) }).parse({ values: input.values });
    for (const scanId of values.scanIds) {
      const scan = await first(tx.select({ id: attachments.id }).from(attachments).where(and(eq(attachments.id, scanId), eq(attachments.chatId, application.chatId))));
      if (!scan) throw invalid('errors.scanNotFound', 'A scan does not belong to this application');
    }
    const row = { values, attestedBy: ctx.actor.id, attestedAt: now, attestedPointOfSaleId: ctx.actor.pointOfSaleId };
    await tx
      .insert(identifications)
      .values({ applicationId: application.id, party: party.key, ...row, createdAt: now })
      .onConflictDoUpdate({ target: [identifications.applicationId, identifications.party], set: row });
    return { audit: { party: party.key, documentType: values.documentType } };
  };
}

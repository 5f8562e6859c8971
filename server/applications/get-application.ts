import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { alias, first } from '@/db/client';
import { applications, identifications, pointsOfSale, signatures, users } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { allowedActions } from '@/server/workflow/transition-table';
import { getApplicationForActor } from './application-access';
import type { ApplicationDto } from './schemas';
import { pointOfSaleLabel } from '@/server/admin/point-of-sale-label';
import { summaries } from './application-summaries';

export const applicationIdInput = z.object({ applicationId: z.uuid('invalidId') });

/** One application with its identifications, remarks, and what this actor may do with it now. */
export async function getApplication({ ctx, input }: { ctx: SignedInContext; input: z.infer<typeof applicationIdInput> }): Promise<ApplicationDto> {
  // Made per call: the tables are the process's dialect's only once the database is opened.
  const verifier = alias(users, 'verifier');
  const attester = alias(users, 'attester');
  const { application } = await getApplicationForActor(ctx.db, ctx.actor, input.applicationId);
  const [summary] = await summaries(ctx.db, eq(applications.id, application.id), 1);
  if (!summary) throw new Error('application vanished between reads');
  const nameOf = async (id: string | null) => (id ? ((await first(ctx.db.select({ name: verifier.name }).from(verifier).where(eq(verifier.id, id))))?.name ?? null) : null);
  const verifiedByName = await nameOf(application.verifiedBy);
  const parties = (
    await ctx.db
      .select({ party: identifications.party, values: identifications.values, attestedByName: attester.name, attestedAt: identifications.attestedAt, posName: pointsOfSale.name, posTown: pointsOfSale.town })
      .from(identifications)
      .innerJoin(attester, eq(attester.id, identifications.attestedBy))
      .leftJoin(pointsOfSale, eq(pointsOfSale.id, identifications.attestedPointOfSaleId))
      .where(eq(identifications.applicationId, application.id))
  ).map(({ posName, posTown, ...r }) => ({ ...r, pointOfSale: pointOfSaleLabel(posName, posTown) }));
  const signed = await ctx.db
    .select({ party: signatures.party, signerName: signatures.signerName, signedAt: signatures.signedAt, typedName: signatures.typedName })
    .from(signatures)
    .where(eq(signatures.applicationId, application.id));
  const decidedByName = application.decidedAt ? await nameOf(application.decidedBy) : null;
  return {
    ...summary,
    templateVersion: application.templateVersion,
    applicationDate: application.applicationDate,
    formData: application.formData,
    remarks: application.remarks ?? null,
    verifiedByName,
    verifiedAt: application.verifiedAt,
    returnedAt: application.returnedAt,
    identifications: parties,
    signatures: signed.map(({ typedName, ...s }) => ({ ...s, typed: typedName !== null })),
    pdfSha256: application.pdfSha256,
    sealedAt: application.sealedAt,
    sensitive: application.sensitive,
    submittedAt: application.submittedAt,
    subscriberConfirmedAt: application.subscriberConfirmedAt,
    disputedAt: application.disputedAt,
    waitingPeriodEndsAt: application.confirmationMode === 'waitingPeriod' ? application.waitingPeriodEndsAt : null,
    decision: application.decidedAt
      ? { byName: decidedByName ?? '?', at: application.decidedAt, reason: application.decisionReason, comment: application.decisionComment }
      : null,
    allowedActions: allowedActions(application.status, ctx.actor.role),
    packageId: application.packageId,
    prefilledPaths: application.prefilledPaths ?? null,
  };
}

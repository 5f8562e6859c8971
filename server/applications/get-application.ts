import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { alias } from 'drizzle-orm/sqlite-core';
import { applications, identifications, pointsOfSale, signatures, users } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { allowedActions } from '@/server/workflow/transition-table';
import { getApplicationForActor } from './application-access';
import type { ApplicationDto } from './schemas';
import { pointOfSaleLabel } from '@/server/admin/point-of-sale-label';
import { summaries } from './application-summaries';

export const applicationIdInput = z.object({ applicationId: z.uuid('invalidId') });

const verifier = alias(users, 'verifier');
const attester = alias(users, 'attester');

/** One application with its identifications, remarks, and what this actor may do with it now. */
export function getApplication({ ctx, input }: { ctx: SignedInContext; input: z.infer<typeof applicationIdInput> }): ApplicationDto {
  const { application } = getApplicationForActor(ctx.db, ctx.actor, input.applicationId);
  const [summary] = summaries(ctx.db, eq(applications.id, application.id), 1);
  if (!summary) throw new Error('application vanished between reads');
  const nameOf = (id: string | null) => (id ? (ctx.db.select({ name: verifier.name }).from(verifier).where(eq(verifier.id, id)).get()?.name ?? null) : null);
  const verifiedByName = nameOf(application.verifiedBy);
  const parties = ctx.db
    .select({ party: identifications.party, values: identifications.values, attestedByName: attester.name, attestedAt: identifications.attestedAt, posName: pointsOfSale.name, posTown: pointsOfSale.town })
    .from(identifications)
    .innerJoin(attester, eq(attester.id, identifications.attestedBy))
    .leftJoin(pointsOfSale, eq(pointsOfSale.id, identifications.attestedPointOfSaleId))
    .where(eq(identifications.applicationId, application.id))
    .all()
    .map(({ posName, posTown, ...r }) => ({ ...r, pointOfSale: pointOfSaleLabel(posName, posTown) }));
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
    signatures: ctx.db
      .select({ party: signatures.party, signerName: signatures.signerName, signedAt: signatures.signedAt, typedName: signatures.typedName })
      .from(signatures)
      .where(eq(signatures.applicationId, application.id))
      .all()
      .map(({ typedName, ...s }) => ({ ...s, typed: typedName !== null })),
    pdfSha256: application.pdfSha256,
    sealedAt: application.sealedAt,
    sensitive: application.sensitive,
    submittedAt: application.submittedAt,
    subscriberConfirmedAt: application.subscriberConfirmedAt,
    disputedAt: application.disputedAt,
    waitingPeriodEndsAt: application.confirmationMode === 'waitingPeriod' ? application.waitingPeriodEndsAt : null,
    decision: application.decidedAt
      ? { byName: nameOf(application.decidedBy) ?? '?', at: application.decidedAt, reason: application.decisionReason, comment: application.decisionComment }
      : null,
    allowedActions: allowedActions(application.status, ctx.actor.role),
    packageId: application.packageId,
    prefilledPaths: application.prefilledPaths ?? null,
  };
}

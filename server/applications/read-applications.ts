import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '@/db/client';
import { applications, chats, dealers, identifications, pointsOfSale, signatures, users } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { allowedActions } from '@/server/workflow/transition-table';
import { getApplicationForActor } from './application-access';
import type { ApplicationDto, ApplicationSummary } from './schemas';
import { pointOfSaleLabel } from '@/server/admin/point-of-sale-label';

const creator = alias(users, 'creator');
const verifier = alias(users, 'verifier');
const attester = alias(users, 'attester');

function summaries(db: DbOrTx, where: SQL | undefined, limit = 200) {
  return db
    .select({
      id: applications.id,
      number: applications.number,
      chatId: applications.chatId,
      templateId: applications.templateId,
      status: applications.status,
      version: applications.version,
      dealerName: dealers.name,
      posName: pointsOfSale.name,
      posTown: pointsOfSale.town,
      createdByName: creator.name,
      createdAt: applications.createdAt,
      updatedAt: applications.updatedAt,
    })
    .from(applications)
    .innerJoin(dealers, eq(dealers.id, applications.dealerId))
    .innerJoin(creator, eq(creator.id, applications.createdBy))
    .leftJoin(pointsOfSale, eq(pointsOfSale.id, applications.pointOfSaleId))
    .where(where)
    .orderBy(desc(applications.createdAt))
    .limit(limit)
    .all()
    .map(({ posName, posTown, ...r }) => ({ ...r, pointOfSale: pointOfSaleLabel(posName, posTown) }));
}

/** The dealer company's applications, or the operator's (from their chats); admins see all. */
export function listApplications({ ctx, input }: { ctx: SignedInContext; input?: { status?: ApplicationDto['status']; templateId?: string; chatId?: string } }): ApplicationSummary[] {
  const { actor } = ctx;
  const scope =
    actor.role === 'admin'
      ? undefined
      : actor.role === 'dealer'
        ? eq(applications.dealerId, actor.dealerId ?? '\u0000')
        : inArray(applications.chatId, ctx.db.select({ id: chats.id }).from(chats).where(eq(chats.operatorId, actor.id)));
  return summaries(
    ctx.db,
    and(
      scope,
      input?.status ? eq(applications.status, input.status) : undefined,
      input?.templateId ? eq(applications.templateId, input.templateId) : undefined,
      input?.chatId ? eq(applications.chatId, input.chatId) : undefined,
    ),
  );
}

/** One application with its identifications, remarks, and what this actor may do with it now. */
export function getApplication({ ctx, input }: { ctx: SignedInContext; input: { applicationId: string } }): ApplicationDto {
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

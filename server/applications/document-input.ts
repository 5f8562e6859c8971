import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { auditEvents, identifications, pointsOfSale, users } from '@/db/schema';
import type { DocumentInput } from '@/server/signing/document-model';
import { companyName } from '@/server/signing/seal-certificate';
import type { ApplicationRow } from '@/server/workflow/transition';
import type { TemplateDef } from '@/templates';
import { pointOfSaleLabel } from '@/server/admin/point-of-sale-label';

/** Everything the printed document shows about an application, read from the database. */
export async function documentInput(
  db: DbOrTx,
  { application, template, appUrl, developmentSeal, signatures }: { application: ApplicationRow; template: TemplateDef; appUrl: string; developmentSeal: boolean; signatures: DocumentInput['signatures'] },
): Promise<DocumentInput> {
  const parties = await db
    .select({ party: identifications.party, values: identifications.values, attestedAt: identifications.attestedAt, attestedByName: users.name, posName: pointsOfSale.name, posTown: pointsOfSale.town })
    .from(identifications)
    .innerJoin(users, eq(users.id, identifications.attestedBy))
    .leftJoin(pointsOfSale, eq(pointsOfSale.id, identifications.attestedPointOfSaleId))
    .where(eq(identifications.applicationId, application.id));
  const audit = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'application'), eq(auditEvents.entityId, application.id)))
    .orderBy(asc(auditEvents.seq));
  return {
    template,
    company: companyName(),
    number: application.number,
    applicationDate: application.applicationDate,
    verifyUrl: `${appUrl}/verify?a=${application.id}`,
    developmentSeal,
    formData: application.formData,
    identifications: parties.map((p) => ({ party: p.party, values: p.values, attestedByName: p.attestedByName, attestedAt: p.attestedAt, pointOfSale: pointOfSaleLabel(p.posName, p.posTown) })),
    signatures,
    audit: audit.map((a) => ({ at: a.at, actorRole: a.actorRole, action: a.action, hash: a.hash })),
  };
}

import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { first, type DbOrTx } from '@/db/client';
import { applications, pointsOfSale } from '@/db/schema';
import { pointOfSaleLabel } from '@/server/admin/point-of-sale-label';
import { findTemplate } from '@/templates';

/** The QR link's answer: the application's public facts, or null. */
export const publicApplicationDto = z
  .object({
    number: z.string(),
    templateTitle: z.object({ uk: z.string(), en: z.string() }),
    applicationDate: z.string(),
    status: z.string(),
    pointOfSale: z.string().nullable(),
    sealedAt: z.date().nullable(),
  })
  .nullable();

/** What anyone may learn about an application: nothing personal. */
export interface PublicApplicationInfo {
  number: string;
  templateTitle: { uk: string; en: string };
  applicationDate: string;
  status: string;
  pointOfSale: string | null;
  sealedAt: Date | null;
}

/** The public facts of the application found by `where` (by id, or by its sealed file's hash). */
export async function publicInfo(db: DbOrTx, where: ReturnType<typeof eq>): Promise<PublicApplicationInfo | null> {
  const row = await first(
    db
      .select({ number: applications.number, templateId: applications.templateId, applicationDate: applications.applicationDate, status: applications.status, sealedAt: applications.sealedAt, posName: pointsOfSale.name, posTown: pointsOfSale.town })
      .from(applications)
      .leftJoin(pointsOfSale, eq(pointsOfSale.id, applications.pointOfSaleId))
      .where(where)
      .limit(1),
  );
  if (!row) return null;
  const template = findTemplate(row.templateId);
  return {
    number: row.number,
    templateTitle: template?.title ?? { uk: row.templateId, en: row.templateId },
    applicationDate: row.applicationDate,
    status: row.status,
    pointOfSale: pointOfSaleLabel(row.posName, row.posTown),
    sealedAt: row.sealedAt,
  };
}

/** The QR link: the application's public facts by its id. */
export function publicApplication({ ctx, input }: { ctx: { db: DbOrTx }; input: { applicationId: string } }): Promise<PublicApplicationInfo | null> {
  return publicInfo(ctx.db, eq(applications.id, input.applicationId));
}

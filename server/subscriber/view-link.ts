import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { first, inTransaction } from '@/db/client';
import { confirmationLinks, pointsOfSale } from '@/db/schema';
import { pointOfSaleLabel } from '@/server/admin/point-of-sale-label';
import { allowedActions } from '@/server/workflow/transition-table';
import { findTemplate } from '@/templates';
import { loadApplication, resolveLink, type SubscriberContext, type tokenInput } from './subscriber-link';

/** What the subscriber sees: the application's number, type, status, date, point of sale, and what they may do. */
export async function viewLink({ ctx, input }: { ctx: SubscriberContext; input: z.infer<typeof tokenInput> }) {
  const link = await resolveLink(ctx, input.token);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, (tx) => tx.update(confirmationLinks).set({ opens: sql`${confirmationLinks.opens} + 1`, lastOpenedAt: now }).where(eq(confirmationLinks.id, link.id)));
  const application = await loadApplication(ctx.db, link);
  const template = findTemplate(application.templateId);
  const pos = application.pointOfSaleId ? await first(ctx.db.select().from(pointsOfSale).where(eq(pointsOfSale.id, application.pointOfSaleId))) : undefined;
  const answered = link.disputedAt !== null;
  const actions = allowedActions(application.status, 'subscriber');
  return {
    number: application.number,
    title: template?.title ?? { uk: application.templateId, en: application.templateId },
    status: application.status,
    applicationDate: application.applicationDate,
    submittedAt: application.submittedAt,
    pointOfSale: pos ? `${pointOfSaleLabel(pos.name, pos.town)}, ${pos.address}` : null,
    hasPdf: application.pdfKey !== null,
    confirmedAt: link.confirmedAt,
    disputedAt: link.disputedAt,
    decidedAt: application.decidedAt,
    decisionReason: application.decisionReason,
    /** `notice`: the number concerned, told of an application whose confirmation went elsewhere; it can only dispute. */
    purpose: link.purpose,
    confirmationMode: application.confirmationMode,
    waitingPeriodEndsAt: application.confirmationMode === 'waitingPeriod' ? application.waitingPeriodEndsAt : null,
    /** What "approved" means for the subscriber (a sensitive form says it; otherwise the page's general words). */
    approvedMeans: template?.guard?.approvedMeans ?? null,
    canConfirm: link.purpose === 'confirm' && !answered && link.confirmedAt === null && actions.includes('confirm'),
    canDispute: !answered && actions.includes('dispute'),
  };
}

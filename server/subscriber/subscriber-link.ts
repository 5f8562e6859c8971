import { and, count, eq, gt, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '@/db/client';
import { applications, confirmationLinks, linkLookupFailures, pointsOfSale } from '@/db/schema';
import { pointOfSaleLabel } from '@/server/admin/point-of-sale-label';
import { announceApplicationChange } from '@/server/applications/application-events';
import type { Clock } from '@/server/context';
import { DomainError, notFound } from '@/server/errors/domain-error';
import type { EventBus } from '@/server/realtime/event-bus';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import type { FileStorage } from '@/server/storage/file-storage';
import { transition } from '@/server/workflow/transition';
import { allowedActions } from '@/server/workflow/transition-table';
import { findTemplate } from '@/templates';
import { TOKEN_PATTERN, tokenHash } from '@/server/notifications/link-token';
import { multiLine } from '@/templates/validators/user-text';

export const LINK_LIMITS = {
  /** Opens of one link before it is used up (a link is for one person, a few times). */
  maxOpens: 100,
  /** Unknown or altered tokens per client address within the window. */
  maxFailuresPerIp: 20,
  windowMs: 15 * 60 * 1000,
} as const;

export const tokenInput = z.object({ token: z.string().max(200) });
export const disputeInput = tokenInput.extend({ comment: multiLine().max(2000, 'tooLong').default('') });

export interface SubscriberContext {
  db: Db;
  clock: Clock;
  bus: EventBus;
  ip: string;
  userAgent: string;
}

type LinkRow = typeof confirmationLinks.$inferSelect;

const linkGone = (key: string, message: string) => new DomainError('forbidden', key, message);

/**
 * The token → its link, or a clear refusal that reveals nothing of any application: unknown or
 * altered (NOT_FOUND, counted against the address), replaced by a newer submission, expired, or
 * used up (FORBIDDEN), too many wrong tries from this address (TOO_MANY_REQUESTS).
 */
function resolveLink(ctx: SubscriberContext, token: string): LinkRow {
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - LINK_LIMITS.windowMs);
  const failures = ctx.db.select({ n: count() }).from(linkLookupFailures).where(and(eq(linkLookupFailures.ip, ctx.ip), gt(linkLookupFailures.at, since))).get()?.n ?? 0;
  if (failures >= LINK_LIMITS.maxFailuresPerIp) throw new DomainError('too_many', 'errors.linkThrottled', 'Too many wrong links from this address; try again in 15 minutes');
  const link = TOKEN_PATTERN.test(token) ? ctx.db.select().from(confirmationLinks).where(eq(confirmationLinks.tokenHash, tokenHash(token))).get() : undefined;
  if (!link) {
    ctx.db.transaction((tx) => {
      tx.insert(linkLookupFailures).values({ ip: ctx.ip, at: now }).run();
      tx.delete(linkLookupFailures).where(lt(linkLookupFailures.at, new Date(now.getTime() - 24 * 3600_000))).run();
    });
    throw new DomainError('not_found', 'errors.linkNotFound', 'This link does not exist; check that it was copied whole');
  }
  if (link.revokedAt) throw linkGone('errors.linkReplaced', 'This link was replaced by a newer one; use the link from the latest message');
  if (link.expiresAt <= now) throw linkGone('errors.linkExpired', 'This link has expired (links are valid for 14 days)');
  if (link.opens >= LINK_LIMITS.maxOpens) throw linkGone('errors.linkUsedUp', 'This link was opened too many times and no longer works');
  return link;
}

function loadApplication(db: DbOrTx, link: LinkRow) {
  const application = db.select().from(applications).where(eq(applications.id, link.applicationId)).get();
  if (!application) throw notFound('Application');
  return application;
}

/** What the subscriber sees: the application's number, type, status, date, point of sale, and what they may do. */
export function viewLink(ctx: SubscriberContext, input: z.infer<typeof tokenInput>) {
  const link = resolveLink(ctx, input.token);
  const now = ctx.clock.now();
  ctx.db.update(confirmationLinks).set({ opens: sql`${confirmationLinks.opens} + 1`, lastOpenedAt: now }).where(eq(confirmationLinks.id, link.id)).run();
  const application = loadApplication(ctx.db, link);
  const template = findTemplate(application.templateId);
  const pos = application.pointOfSaleId ? ctx.db.select().from(pointsOfSale).where(eq(pointsOfSale.id, application.pointOfSaleId)).get() : undefined;
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

/** The link and its application as they are inside the answer's transaction. */
function reread(tx: DbOrTx, link: LinkRow) {
  const fresh = tx.select().from(confirmationLinks).where(eq(confirmationLinks.id, link.id)).get() ?? link;
  return { fresh, application: loadApplication(tx, fresh) };
}

const subscriberActor = (link: LinkRow) => ({ id: `link:${link.id}`, role: 'subscriber' as const, dealerId: null });

/** "Yes, I asked for this." Repeating it changes nothing. */
export function confirmByLink(ctx: SubscriberContext, input: z.infer<typeof tokenInput>) {
  const link = resolveLink(ctx, input.token);
  return changeAndPublish(ctx, (tx, emitter) => {
    const { fresh, application } = reread(tx, link);
    if (fresh.purpose === 'notice') throw new DomainError('forbidden', 'errors.noticeCannotConfirm', 'This link was sent to the number concerned; it can only say the application was not yours');
    if (fresh.confirmedAt) return { status: application.status };
    if (fresh.disputedAt) throw new DomainError('conflict', 'errors.linkAnswered', 'You already said you did not ask for this application');
    const now = ctx.clock.now();
    const updated = transition(tx, {
      application,
      action: 'confirm',
      actor: subscriberActor(fresh),
      facts: { allPartiesIdentified: true, linkHolder: true },
      changes: { subscriberConfirmedAt: now },
      audit: { linkId: fresh.id, ip: ctx.ip },
      now,
    });
    tx.update(confirmationLinks).set({ confirmedAt: now, answerIp: ctx.ip, answerUserAgent: ctx.userAgent.slice(0, 500) }).where(eq(confirmationLinks.id, fresh.id)).run();
    announceApplicationChange(tx, emitter, updated, now, { key: 'subscriberConfirmed', params: { number: updated.number } });
    return { status: updated.status };
  });
}

/** "I did not ask for this": the application is frozen (`disputed`), flagged for the back office, with the address and time. */
export function disputeByLink(ctx: SubscriberContext, input: z.infer<typeof disputeInput>) {
  const link = resolveLink(ctx, input.token);
  return changeAndPublish(ctx, (tx, emitter) => {
    const { fresh, application } = reread(tx, link);
    if (fresh.disputedAt) return { status: application.status };
    const now = ctx.clock.now();
    const updated = transition(tx, {
      application,
      action: 'dispute',
      actor: subscriberActor(fresh),
      facts: { allPartiesIdentified: true, linkHolder: true },
      changes: { disputedAt: now },
      audit: { linkId: fresh.id, ip: ctx.ip, userAgent: ctx.userAgent.slice(0, 200) },
      now,
    });
    tx.update(confirmationLinks)
      .set({ disputedAt: now, disputeComment: input.comment || null, answerIp: ctx.ip, answerUserAgent: ctx.userAgent.slice(0, 500) })
      .where(eq(confirmationLinks.id, fresh.id))
      .run();
    announceApplicationChange(tx, emitter, updated, now, { key: 'subscriberDisputed', params: { number: updated.number } });
    return { status: updated.status };
  });
}

/** The signed PDF, for the link's holder. */
export async function pdfByLink(ctx: SubscriberContext & { storage: FileStorage }, input: z.infer<typeof tokenInput>) {
  const link = resolveLink(ctx, input.token);
  const application = loadApplication(ctx.db, link);
  if (!application.pdfKey) throw notFound('PDF');
  return { fileName: `${application.number}.pdf`, bytes: await ctx.storage.get(application.pdfKey) };
}

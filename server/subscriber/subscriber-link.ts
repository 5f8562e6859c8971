import { and, count, eq, gt, lt } from 'drizzle-orm';
import { z } from 'zod';
import { first, inTransaction, type Db, type DbOrTx } from '@/db/client';
import { applications, confirmationLinks, linkLookupFailures } from '@/db/schema';
import type { Clock } from '@/server/context';
import { DomainError, notFound } from '@/server/errors/domain-error';
import type { EventBus } from '@/server/realtime/event-bus';
import { findApplication } from '@/server/applications/application-access';
import { TOKEN_PATTERN, tokenHash } from '@/server/notifications/link-token';

export const LINK_LIMITS = {
  /** Opens of one link before it is used up (a link is for one person, a few times). */
  maxOpens: 100,
  /** Unknown or altered tokens per client address within the window. */
  maxFailuresPerIp: 20,
  windowMs: 15 * 60 * 1000,
} as const;

export const tokenInput = z.object({ token: z.string().max(200) });

export interface SubscriberContext {
  db: Db;
  clock: Clock;
  bus: EventBus;
  ip: string;
  userAgent: string;
}

export type LinkRow = typeof confirmationLinks.$inferSelect;

const linkGone = (key: string, message: string) => new DomainError('forbidden', key, message);

/**
 * The token → its link, or a clear refusal that reveals nothing of any application: unknown or
 * altered (NOT_FOUND, counted against the address), replaced by a newer submission, expired, or
 * used up (FORBIDDEN), too many wrong tries from this address (TOO_MANY_REQUESTS).
 */
export async function resolveLink(ctx: SubscriberContext, token: string): Promise<LinkRow> {
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - LINK_LIMITS.windowMs);
  const failures = (await first(ctx.db.select({ n: count() }).from(linkLookupFailures).where(and(eq(linkLookupFailures.ip, ctx.ip), gt(linkLookupFailures.at, since)))))?.n ?? 0;
  if (failures >= LINK_LIMITS.maxFailuresPerIp) throw new DomainError('too_many', 'errors.linkThrottled', 'Too many wrong links from this address; try again in 15 minutes');
  const link = TOKEN_PATTERN.test(token) ? await first(ctx.db.select().from(confirmationLinks).where(eq(confirmationLinks.tokenHash, tokenHash(token)))) : undefined;
  if (!link) {
    await inTransaction(ctx.db, async (tx) => {
      await tx.insert(linkLookupFailures).values({ ip: ctx.ip, at: now });
      await tx.delete(linkLookupFailures).where(lt(linkLookupFailures.at, new Date(now.getTime() - 24 * 3600_000)));
    });
    throw new DomainError('not_found', 'errors.linkNotFound', 'This link does not exist; check that it was copied whole');
  }
  if (link.revokedAt) throw linkGone('errors.linkReplaced', 'This link was replaced by a newer one; use the link from the latest message');
  if (link.expiresAt <= now) throw linkGone('errors.linkExpired', 'This link has expired (links are valid for 14 days)');
  if (link.opens >= LINK_LIMITS.maxOpens) throw linkGone('errors.linkUsedUp', 'This link was opened too many times and no longer works');
  return link;
}

export async function loadApplication(db: DbOrTx, link: LinkRow) {
  const application = await first(db.select().from(applications).where(eq(applications.id, link.applicationId)));
  if (!application) throw notFound('Application');
  return application;
}

/**
 * What the link holder's answer needs from the one application pipeline: who answers (the
 * subscriber, through this link), and how the application is found (the link's, read again
 * inside the answer's transaction together with the link).
 */
export function linkHolderStep(ctx: SubscriberContext, link: LinkRow) {
  let fresh = link;
  return {
    ctx: { db: ctx.db, bus: ctx.bus, clock: ctx.clock, actor: { id: `link:${link.id}`, role: 'subscriber' as const, dealerId: null } },
    load: async (tx: DbOrTx) => {
      fresh = (await first(tx.select().from(confirmationLinks).where(eq(confirmationLinks.id, link.id)))) ?? link;
      return findApplication(tx, fresh.applicationId);
    },
    /** The link as the transaction read it. */
    link: () => fresh,
  };
}

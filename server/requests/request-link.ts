import { and, count, eq, gt, lt } from 'drizzle-orm';
import { first, inTransaction, type Db } from '@/db/client';
import { linkLookupFailures, requests } from '@/db/schema';
import type { Clock } from '@/server/context';
import { DomainError } from '@/server/errors/domain-error';
import { TOKEN_PATTERN, tokenHash } from '@/server/notifications/link-token';
import { LINK_LIMITS } from '@/server/subscriber/subscriber-link';
import type { RequestRow } from './request-types';

/** A request's private link works for 90 days after its last change by either side (each reply renews it). */
export const REQUEST_LINK_MS = 90 * 24 * 3600_000;

export interface LinkContext {
  db: Db;
  clock: Clock;
  ip: string;
}

/**
 * The private link's token → its request, or a refusal that reveals nothing of any request:
 * unknown or altered (NOT_FOUND, counted against the address, like the confirmation links'),
 * expired (FORBIDDEN), too many wrong tries from this address (TOO_MANY_REQUESTS).
 */
export async function resolveRequestLink(ctx: LinkContext, token: string): Promise<RequestRow> {
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - LINK_LIMITS.windowMs);
  const failures = (await first(ctx.db.select({ n: count() }).from(linkLookupFailures).where(and(eq(linkLookupFailures.ip, ctx.ip), gt(linkLookupFailures.at, since)))))?.n ?? 0;
  if (failures >= LINK_LIMITS.maxFailuresPerIp) throw new DomainError('too_many', 'errors.linkThrottled', 'Too many wrong links from this address; try again in 15 minutes');
  const row = TOKEN_PATTERN.test(token) ? await first(ctx.db.select().from(requests).where(eq(requests.linkTokenHash, tokenHash(token)))) : undefined;
  if (!row) {
    await inTransaction(ctx.db, async (tx) => {
      await tx.insert(linkLookupFailures).values({ ip: ctx.ip, at: now });
      await tx.delete(linkLookupFailures).where(lt(linkLookupFailures.at, new Date(now.getTime() - 24 * 3600_000)));
    });
    throw new DomainError('not_found', 'errors.linkNotFound', 'This link does not exist; check that it was copied whole');
  }
  if (row.linkExpiresAt <= now) throw new DomainError('forbidden', 'errors.requestLinkExpired', 'This link has expired; write a new request or answer the latest message');
  return row;
}

/** The audit chain's actor for the link holder. */
export const linkHolder = (row: Pick<RequestRow, 'id'>) => ({ id: `request-link:${row.id}`, role: 'subscriber' });

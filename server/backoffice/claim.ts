import { eq } from 'drizzle-orm';
import { first, type DbOrTx } from '@/db/client';
import { users } from '@/db/schema';
import type { ApplicationRow } from '@/server/workflow/transition';

/** A claim lapses after 30 minutes in which its holder did nothing with the application. */
export const CLAIM_IDLE_MS = 30 * 60 * 1000;

export function claimIsLive(application: Pick<ApplicationRow, 'claimedBy' | 'claimActiveAt'>, now: Date): boolean {
  return Boolean(application.claimedBy && application.claimActiveAt && now.getTime() - application.claimActiveAt.getTime() < CLAIM_IDLE_MS);
}

/** Who holds the application now (null when nobody, or the claim lapsed). */
export async function liveClaimHolder(db: DbOrTx, application: ApplicationRow, now: Date): Promise<{ id: string; name: string } | null> {
  if (!claimIsLive(application, now) || !application.claimedBy) return null;
  const holder = await first(db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, application.claimedBy)));
  return holder ?? null;
}

import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { first, inTransaction, type Db } from '@/db/client';
import { forUpdateSkipLocked } from '@/db/row-lock';
import { notifications, type NotificationChannelName } from '@/db/schema';
import { logger } from '@/server/config/logger';
import type { Clock } from '@/server/context';
import { fillRequestTokens, linkToken } from './link-token';
import type { NotificationChannel } from './channel';

export const SENDING = {
  maxAttempts: 8,
  /** How long one attempt may take before another sender may try again. */
  leaseMs: 60_000,
  batch: 50,
} as const;

/** 30 s, 1, 2, 4 … minutes, at most an hour. */
export const backoffMs = (attempts: number) => Math.min(30_000 * 2 ** (attempts - 1), 60 * 60_000);

export interface SenderDeps {
  db: Db;
  clock: Clock;
  channels: Record<NotificationChannelName, NotificationChannel>;
  /** The token of a confirmation link (derived, never stored); tests may pass their own. */
  tokenOf?: (linkId: string) => string;
}

/**
 * Delivers the outbox. A row is leased in a transaction of its own: the next due row of a
 * channel is selected `FOR UPDATE SKIP LOCKED` (PostgreSQL: a row another sender is leasing right
 * now is passed over, not waited for; db/row-lock.ts) and moved to `sending` with a lease by an
 * UPDATE that only one sender can win (the compare-and-set stays the guard); then it is sent,
 * outside any transaction, and marked `sent`. A failure is retried with backoff and, after the
 * last attempt, stays `failed` for an admin to see and retry. If the process dies while a row is
 * `sending`, the lease runs out and the row is sent again with the same message id (the
 * development inbox drops a repeat; SMTP carries it as Message-ID; an SMS gateway would take it
 * as its idempotency key). Several senders (processes) share the outbox row by row.
 */
export async function deliverDue(deps: SenderDeps): Promise<{ sent: number; retried: number; failed: number }> {
  const tokenOf = deps.tokenOf ?? linkToken;
  const result = { sent: 0, retried: 0, failed: 0 };
  // Channels go side by side (a slow SMTP server does not hold up SMS); within one, in order.
  const channels = Object.keys(deps.channels) as NotificationChannelName[];
  await Promise.all(
    channels.map(async (channel) => {
      for (let tries = 0; tries < SENDING.batch; tries += 1) {
        const leased = await lease(deps, channel);
        if (leased === 'none') return;
        if (leased === 'lost') continue; // another sender took it meanwhile
        result[await deliverLeased(deps, tokenOf, leased)] += 1;
      }
    }),
  );
  return result;
}

type Row = typeof notifications.$inferSelect;
interface Leased {
  row: Row;
  /** This attempt's number: the row is this sender's while it is `sending` with these attempts. */
  attempts: number;
}

/** Takes the channel's next due row for this sender: moves it to `sending` until the lease ends. */
async function lease(deps: SenderDeps, channel: NotificationChannelName): Promise<Leased | 'none' | 'lost'> {
  const { db, clock } = deps;
  return inTransaction(db, async (tx) => {
    const now = clock.now();
    const row = await first(
      forUpdateSkipLocked(
        tx,
        tx
          .select()
          .from(notifications)
          .where(and(eq(notifications.channel, channel), inArray(notifications.status, ['pending', 'sending']), lte(notifications.nextAttemptAt, now)))
          .orderBy(asc(notifications.nextAttemptAt))
          .limit(1),
      ),
    );
    if (!row) return 'none';
    const attempts = row.attempts + 1;
    const taken = await tx
      .update(notifications)
      .set({ status: 'sending', attempts, nextAttemptAt: new Date(now.getTime() + SENDING.leaseMs) })
      .where(and(eq(notifications.id, row.id), eq(notifications.status, row.status), eq(notifications.attempts, row.attempts)))
      .returning({ id: notifications.id });
    return taken.length === 0 ? 'lost' : { row, attempts };
  });
}

async function deliverLeased(deps: SenderDeps, tokenOf: (linkId: string) => string, { row, attempts }: Leased): Promise<'sent' | 'retried' | 'failed'> {
  const { db, clock } = deps;
  // The outcome is recorded only if this attempt still owns the row: a sender whose lease ran out
  // must not overwrite what the sender that took over recorded.
  const stillMine = and(eq(notifications.id, row.id), eq(notifications.status, 'sending'), eq(notifications.attempts, attempts));
  try {
    const text = fillRequestTokens(row.linkId ? row.body.replaceAll('{token}', tokenOf(row.linkId)) : row.body);
    await deps.channels[row.channel].send({ id: row.id, channel: row.channel, to: row.recipient, subject: row.subject, text });
    await inTransaction(db, (tx) => tx.update(notifications).set({ status: 'sent', sentAt: clock.now(), lastError: null }).where(stillMine));
    return 'sent';
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const giveUp = attempts >= SENDING.maxAttempts;
    await inTransaction(db, (tx) =>
      tx
        .update(notifications)
        .set({ status: giveUp ? 'failed' : 'pending', lastError: message.slice(0, 500), nextAttemptAt: new Date(clock.now().getTime() + backoffMs(attempts)) })
        .where(stillMine),
    );
    logger().warn({ notificationId: row.id, channel: row.channel, attempts, err: message }, giveUp ? 'notification failed for good' : 'notification failed; will retry');
    return giveUp ? 'failed' : 'retried';
  }
}

/** Runs deliverDue every `intervalMs` (one run at a time); `kick()` runs it at once after a change. */
export function startNotificationSender(deps: SenderDeps, intervalMs = 1000): { kick(): void; stop(): void } {
  let running: Promise<unknown> | null = null;
  const run = () => {
    if (running) return;
    running = deliverDue(deps)
      .catch((error) => logger().error({ err: error }, 'notification sender failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  run();
  return { kick: run, stop: () => clearInterval(timer) };
}

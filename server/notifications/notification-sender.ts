import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { inTransaction, type Db } from '@/db/client';
import { notifications, type NotificationChannelName } from '@/db/schema';
import { logger } from '@/server/config/logger';
import type { Clock } from '@/server/context';
import { linkToken } from './link-token';
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
 * Delivers the outbox. A row is taken by moving it to `sending` with a lease (an UPDATE that only
 * one sender can win), sent, then marked `sent`; a failure is retried with backoff and, after
 * the last attempt, stays `failed` for an admin to see and retry. If the process dies while a
 * row is `sending`, the lease runs out and the row is sent again with the same message id (the
 * development inbox drops a repeat; SMTP carries it as Message-ID; an SMS gateway would take it
 * as its idempotency key).
 */
export async function deliverDue(deps: SenderDeps): Promise<{ sent: number; retried: number; failed: number }> {
  const { db, clock } = deps;
  const tokenOf = deps.tokenOf ?? linkToken;
  const result = { sent: 0, retried: 0, failed: 0 };
  const due = await db
    .select()
    .from(notifications)
    .where(and(inArray(notifications.status, ['pending', 'sending']), lte(notifications.nextAttemptAt, clock.now())))
    .orderBy(asc(notifications.nextAttemptAt))
    .limit(SENDING.batch);

  // Channels go side by side (a slow SMTP server does not hold up SMS); within one, in order.
  const byChannel = new Map<string, Row[]>();
  for (const row of due) byChannel.set(row.channel, [...(byChannel.get(row.channel) ?? []), row]);
  await Promise.all([...byChannel.values()].map(async (rows) => {
    for (const row of rows) {
      const outcome = await deliverOne(deps, tokenOf, row);
      if (outcome) result[outcome] += 1;
    }
  }));
  return result;
}

type Row = typeof notifications.$inferSelect;

async function deliverOne(deps: SenderDeps, tokenOf: (linkId: string) => string, row: Row): Promise<'sent' | 'retried' | 'failed' | null> {
  const { db, clock } = deps;
  const attempts = row.attempts + 1;
  const taken = await inTransaction(db, (tx) =>
    tx
      .update(notifications)
      .set({ status: 'sending', attempts, nextAttemptAt: new Date(clock.now().getTime() + SENDING.leaseMs) })
      .where(and(eq(notifications.id, row.id), eq(notifications.status, row.status), eq(notifications.attempts, row.attempts)))
      .returning({ id: notifications.id }),
  );
  if (taken.length === 0) return null; // another sender took it
  // The outcome is recorded only if this attempt still owns the row: a sender whose lease ran out
  // must not overwrite what the sender that took over recorded.
  const stillMine = and(eq(notifications.id, row.id), eq(notifications.status, 'sending'), eq(notifications.attempts, attempts));
  try {
    const text = row.linkId ? row.body.replaceAll('{token}', tokenOf(row.linkId)) : row.body;
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

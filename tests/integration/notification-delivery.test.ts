import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { and, count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDb, first, inTransaction, openDb } from '@/db/client';
import { openPostgres } from '@/db/postgres';
import { auditEvents, confirmationLinks, notifications } from '@/db/schema';
import type { NotificationChannel, OutgoingMessage } from '@/server/notifications/channel';
import { DevInboxChannel } from '@/server/notifications/dev-inbox-channel';
import { backoffMs, deliverDue, SENDING, startNotificationSender } from '@/server/notifications/notification-sender';
import { enqueueNotification, type NotificationDraft } from '@/server/notifications/outbox';
import { linkToken, TOKEN_PATTERN, tokenHash } from '@/server/notifications/link-token';
import { backOfficeWorld, type BackOfficeWorld } from '../helpers/backoffice-world';
import { testBackend, trpcFailure } from '../helpers/test-db';

let w: BackOfficeWorld;
beforeEach(async () => {
  w = await backOfficeWorld();
  process.env.DATA_DIR = w.h.dir;
});
afterEach(() => w.h.cleanup());

/** A channel that remembers what it was given; fails while `failWith` is set; may take a while. */
class RecordingChannel implements NotificationChannel {
  readonly sent: OutgoingMessage[] = [];
  calls = 0;
  constructor(private readonly options: { failWith?: string; delayMs?: number } = {}) {}
  async send(message: OutgoingMessage) {
    this.calls += 1;
    if (this.options.delayMs) await sleep(this.options.delayMs);
    if (this.options.failWith) throw new Error(this.options.failWith);
    this.sent.push(message);
  }
}

const sendWith = (channel: NotificationChannel, db = w.h.db) => deliverDue({ db, clock: w.h.clock, channels: { sms: channel, email: channel } });
const nothing = { sent: 0, retried: 0, failed: 0 };
const notification = (id: string) => first(w.h.db.select().from(notifications).where(eq(notifications.id, id)));
const admin = () => w.as(w.world.admin).admin.notifications;

async function oneQueuedSms() {
  const { applicationId, number } = await w.submitted('tariff-change');
  const rows = await w.outbox(applicationId);
  expect(rows).toHaveLength(1);
  const row = rows[0];
  if (!row) throw new Error('no notification queued');
  return { applicationId, number, row };
}

describe('retries', () => {
  it('backs off 30 s, 1, 2, 4 … minutes, at most an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000]);
  });

  it('a failing channel: pending again with the error, not retried early, failed after the last attempt; an admin retries it and it is delivered once', async () => {
    const { number, row } = await oneQueuedSms();
    const broken = new RecordingChannel({ failWith: 'gateway down: 503' });

    for (let attempt = 1; attempt < SENDING.maxAttempts; attempt += 1) {
      const triedAt = w.h.clock.now().getTime();
      expect(await sendWith(broken)).toEqual({ ...nothing, retried: 1 });
      expect(await notification(row.id)).toMatchObject({ status: 'pending', attempts: attempt, lastError: 'gateway down: 503', nextAttemptAt: new Date(triedAt + backoffMs(attempt)), sentAt: null });
      // Not before its time …
      expect(await sendWith(broken)).toEqual(nothing);
      w.h.clock.advance(backoffMs(attempt) - 1);
      expect(await sendWith(broken)).toEqual(nothing);
      // … and at its time, the next attempt.
      w.h.clock.advance(1);
    }
    expect(await sendWith(broken)).toEqual({ ...nothing, failed: 1 });
    expect(await notification(row.id)).toMatchObject({ status: 'failed', attempts: SENDING.maxAttempts, lastError: 'gateway down: 503' });
    expect(broken.calls).toBe(SENDING.maxAttempts);
    // A failed one stays failed, however long the sender keeps running.
    w.h.clock.advance(24 * 60 * 60_000);
    expect(await sendWith(broken)).toEqual(nothing);
    expect(broken.calls).toBe(SENDING.maxAttempts);

    const failed = await admin().outbox({ status: 'failed' });
    expect(failed).toEqual([expect.objectContaining({ id: row.id, status: 'failed', attempts: SENDING.maxAttempts, lastError: 'gateway down: 503', applicationNumber: number })]);
    expect(failed[0]?.body).toContain('{token}');
    expect(await admin().outbox({ status: 'pending' })).toEqual([]);

    expect(await admin().retry({ notificationId: row.id })).toEqual({ notificationId: row.id, status: 'pending' });
    expect(await notification(row.id)).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: w.h.clock.now() });
    const audit = await w.h.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, row.id), eq(auditEvents.action, 'notification.retry')));
    expect(audit).toEqual([expect.objectContaining({ actorId: w.world.admin.id, actorRole: 'admin', entityType: 'notification', data: { lastError: 'gateway down: 503' } })]);

    const working = new RecordingChannel();
    expect(await sendWith(working)).toEqual({ ...nothing, sent: 1 });
    expect(await sendWith(working)).toEqual(nothing);
    w.h.clock.advance(SENDING.leaseMs + 1);
    expect(await sendWith(working)).toEqual(nothing);
    expect(working.sent.map((m) => m.id)).toEqual([row.id]);
    expect(await notification(row.id)).toMatchObject({ status: 'sent', attempts: 1, lastError: null, sentAt: expect.any(Date) });
  });

  it('retry: only a failed notification (CONFLICT), an existing one (NOT_FOUND), a valid id (BAD_REQUEST), only by an admin', async () => {
    const { row } = await oneQueuedSms();
    const pending = await trpcFailure(admin().retry({ notificationId: row.id }));
    expect(pending.code).toBe('CONFLICT');
    expect(pending.message).toMatch(/pending/);
    await w.deliver();
    expect((await trpcFailure(admin().retry({ notificationId: row.id }))).code).toBe('CONFLICT');
    expect((await trpcFailure(admin().retry({ notificationId: randomUUID() }))).code).toBe('NOT_FOUND');
    expect((await trpcFailure(admin().retry({ notificationId: 'not-an-id' }))).code).toBe('BAD_REQUEST');
    await w.h.db.update(notifications).set({ status: 'failed' }).where(eq(notifications.id, row.id));
    expect((await trpcFailure(w.as(w.world.backoffice).admin.notifications.retry({ notificationId: row.id }))).code).toBe('FORBIDDEN');
    expect((await notification(row.id))?.status).toBe('failed');
    expect((await first(w.h.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, 'notification.retry'))))?.n).toBe(0);
  });
});

describe('a sender that died mid-send', () => {
  it('its row is not taken again before the lease ends; afterwards it is sent again, and the inbox still has it once', async () => {
    const { row } = await oneQueuedSms();
    const linkId = row.linkId ?? '';
    // The dead sender had taken the row and the provider had accepted the message.
    await new DevInboxChannel(w.inboxFile).send({ id: row.id, channel: row.channel, to: row.recipient, subject: row.subject, text: row.body.replaceAll('{token}', linkToken(linkId)) });
    const takenAt = w.h.clock.now().getTime();
    await w.h.db
      .update(notifications)
      .set({ status: 'sending', attempts: 1, nextAttemptAt: new Date(takenAt + SENDING.leaseMs) })
      .where(eq(notifications.id, row.id));

    expect(await w.deliver()).toEqual(nothing);
    w.h.clock.advance(SENDING.leaseMs - 1);
    expect(await w.deliver()).toEqual(nothing);
    expect(await notification(row.id)).toMatchObject({ status: 'sending', attempts: 1 });

    w.h.clock.advance(1);
    expect(await w.deliver()).toEqual({ ...nothing, sent: 1 });
    expect(await w.deliver()).toEqual(nothing);
    expect(await notification(row.id)).toMatchObject({ status: 'sent', attempts: 2, sentAt: w.h.clock.now() });
    expect(w.inbox().filter((m) => m.id === row.id)).toHaveLength(1);
    expect(w.inbox()).toHaveLength(1);
  });
});

describe('two senders at once', () => {
  it('deliver every notification once, each taking some', async () => {
    await w.submitted('tariff-change');
    await w.submitted('sim-replacement');
    await inTransaction(w.h.db, async (tx) => {
      for (let i = 0; i < 10; i += 1) await enqueueNotification(tx, draft(`test:${i}`), w.h.clock.now());
    });
    const queued = await w.h.db.select({ id: notifications.id }).from(notifications);
    // The SIM replacement (a lost SIM) has two: the notice to its number and the confirmation to the other number.
    expect(queued).toHaveLength(13);

    // The second sender has its own connection to the database, as a second process would.
    const other = testBackend() === 'postgres' ? await openPostgres(w.h.url, { max: 1 }) : openDb(w.h.url);
    try {
      const first = new RecordingChannel({ delayMs: 5 });
      const second = new RecordingChannel({ delayMs: 5 });
      const [a, b] = await Promise.all([sendWith(first), sendWith(second, other)]);
      expect(a.sent + b.sent).toBe(13);
      expect(first.sent.length).toBeGreaterThan(0);
      expect(second.sent.length).toBeGreaterThan(0);
      const delivered = [...first.sent, ...second.sent].map((m) => m.id);
      expect(new Set(delivered).size).toBe(delivered.length);
      expect(delivered.toSorted()).toEqual(queued.map((q) => q.id).toSorted());
    } finally {
      await closeDb(other);
    }
    expect((await w.h.db.select().from(notifications)).every((n) => n.status === 'sent' && n.attempts === 1)).toBe(true);
    expect(await w.deliver()).toEqual(nothing);
  });

  // The UPDATE that records an attempt's outcome checks that the attempt still owns the row
  // (`status = 'sending' AND attempts = <its attempt>`): a sender whose send outlived its lease
  // must not write `pending` over the `sent` of the sender that took the row over.
  it('a sender whose send outlived its lease does not undo the delivery of the sender that took over', async () => {
    const { row } = await oneQueuedSms();
    let giveUp: (error: Error) => void = () => undefined;
    let sending: () => void = () => undefined;
    const taken = new Promise<void>((resolve) => (sending = resolve));
    const stuck: NotificationChannel = {
      send: () => {
        sending();
        return new Promise<void>((_, reject) => (giveUp = reject));
      },
    };
    const slow = sendWith(stuck);
    // The stuck sender has taken the row and is sending when its lease runs out.
    await taken;
    w.h.clock.advance(SENDING.leaseMs);
    const takeover = new RecordingChannel();
    expect(await sendWith(takeover)).toEqual({ ...nothing, sent: 1 });
    expect((await notification(row.id))?.status).toBe('sent');

    giveUp(new Error('socket timeout'));
    await slow;
    expect(await notification(row.id)).toMatchObject({ status: 'sent', attempts: 2 });
    w.h.clock.advance(backoffMs(1));
    expect(await sendWith(takeover)).toEqual(nothing);
  });
});

describe('the outbox', () => {
  it('is written in the caller\'s transaction, once per dedupe key', async () => {
    await expect(
      inTransaction(w.h.db, async (tx) => {
        await enqueueNotification(tx, draft('rolled-back'), w.h.clock.now());
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await w.h.db.select().from(notifications)).toEqual([]);

    await inTransaction(w.h.db, (tx) => enqueueNotification(tx, draft('once', { body: 'first' }), w.h.clock.now()));
    await inTransaction(w.h.db, (tx) => enqueueNotification(tx, draft('once', { body: 'second' }), w.h.clock.now()));
    expect(await w.h.db.select().from(notifications)).toEqual([expect.objectContaining({ dedupeKey: 'once', body: 'first', status: 'pending', attempts: 0 })]);
  });

  it('keeps `{token}` in the stored body; the token is filled in only as the message leaves, and it is the link\'s', async () => {
    const { number, row } = await oneQueuedSms();
    expect(row.body).toContain('/s/{token}');
    const link = await first(w.h.db.select().from(confirmationLinks).where(eq(confirmationLinks.id, row.linkId ?? '')));
    expect(link).toBeDefined();

    await w.deliver();
    const delivered = w.inbox().find((m) => m.id === row.id);
    const token = /\/s\/([^\s/]+)/.exec(delivered?.text ?? '')?.[1] ?? '';
    expect(token).toMatch(TOKEN_PATTERN);
    expect(token).toHaveLength(32);
    expect(tokenHash(token)).toBe(link?.tokenHash);
    expect(delivered?.text).toBe(row.body.replace('{token}', token));
    expect(w.tokenFromInbox(number)).toBe(token);

    // Still `{token}` in the database and in what an admin sees; the token is nowhere stored.
    expect((await notification(row.id))?.body).toBe(row.body);
    const listed = await admin().outbox({});
    expect(listed.find((n) => n.id === row.id)?.body).toContain('{token}');
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(JSON.stringify(await w.h.db.select().from(notifications))).not.toContain(token);
  });

  it('the background sender delivers without being asked, and stops', async () => {
    const { row } = await oneQueuedSms();
    const channel = new RecordingChannel();
    const sender = startNotificationSender({ db: w.h.db, clock: w.h.clock, channels: { sms: channel, email: channel } }, 20);
    try {
      await vi.waitFor(async () => expect((await notification(row.id))?.status).toBe('sent'), { timeout: 2000 });
      await inTransaction(w.h.db, (tx) => enqueueNotification(tx, draft('later'), w.h.clock.now()));
      sender.kick();
      await vi.waitFor(() => expect(channel.sent.map((m) => m.subject)).toEqual([row.subject, 'later']), { timeout: 2000 });
    } finally {
      sender.stop();
    }
    // Let a run that the timer may have started finish before the database closes.
    await sleep(50);
  });
});

function draft(dedupeKey: string, overrides: Partial<NotificationDraft> = {}): NotificationDraft {
  return { dedupeKey, applicationId: null, kind: 'test', channel: 'sms', recipient: '+380501112233', subject: dedupeKey, body: `message ${dedupeKey}`, ...overrides };
}

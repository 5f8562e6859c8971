import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inTransaction } from '@/db/client';
import { sessions, users } from '@/db/schema';
import type { SessionRef } from '@/server/auth/session-watch';
import type { Actor } from '@/server/context';
import { applicationWorld } from '../helpers/application-world';
import { readFeed } from '../helpers/feed-reader';
import { callerFor, openSession } from '../helpers/test-db';

/**
 * An open realtime feed lives no longer than the session it was opened with: deactivation,
 * sign-out, a changed role or company, and expiry end it, and nothing is delivered after.
 */
let w: Awaited<ReturnType<typeof applicationWorld>>;
let chatId: string;
const open: AbortController[] = [];

beforeEach(async () => {
  // A chat the dealer started and the operator accepted.
  w = await applicationWorld();
  chatId = w.chatId;
});
afterEach(async () => {
  for (const controller of open.splice(0)) controller.abort();
  vi.useRealTimers();
  await w.h.cleanup();
});

const STILL_OPEN = 'still open';

/** Opens `realtime.feed` through the tRPC caller and reads it in the background. */
async function openFeed(actor: Actor, session: SessionRef) {
  const controller = new AbortController();
  open.push(controller);
  const stream = await callerFor(w.h.db, actor, w.h.clock, { ...w.h, session, signal: controller.signal }).realtime.feed({});
  const { bodies, ended } = readFeed(stream);
  return {
    bodies,
    /** How the stream ended, or STILL_OPEN if it has not within two seconds. */
    outcome: () => Promise.race([ended, new Promise((resolve) => setTimeout(() => resolve(STILL_OPEN), 2000))]),
  };
}

const send = (text: string) => w.as(w.world.operator).chat.send({ chatId, clientId: crypto.randomUUID(), text });

/** The feed delivers while the session is good: without this a test could pass on a dead stream. */
async function expectLive(feed: Awaited<ReturnType<typeof openFeed>>) {
  await send('before');
  await vi.waitFor(() => expect(feed.bodies).toContain('before'));
}

async function expectEnded(feed: Awaited<ReturnType<typeof openFeed>>) {
  await send('after');
  expect(await feed.outcome()).toMatchObject({ code: 'UNAUTHORIZED' });
  expect(feed.bodies).not.toContain('after');
}

describe('an open feed ends with its session', () => {
  it('ends at once when an admin deactivates the user', async () => {
    const feed = await openFeed(w.world.dealer, await openSession(w.h.db, w.world.dealer, w.h.clock));
    await expectLive(feed);
    await w.as(w.world.admin).admin.users.deactivate({ userId: w.world.dealer.id });
    await expectEnded(feed);
  });

  it('ends when the session expires, before delivering the next event', async () => {
    const feed = await openFeed(w.world.dealer, await openSession(w.h.db, w.world.dealer, w.h.clock, 60_000));
    await expectLive(feed);
    w.h.clock.advance(60_000);
    await expectEnded(feed);
  });

  it('ends within five seconds when the session is deleted elsewhere (sign-out in another process), even if idle', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const session = await openSession(w.h.db, w.world.dealer, w.h.clock);
    const feed = await openFeed(w.world.dealer, session);
    await expectLive(feed);
    await inTransaction(w.h.db, (tx) => tx.delete(sessions).where(eq(sessions.token, session.token)));
    vi.advanceTimersByTime(5_000);
    expect(await feed.outcome()).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('ends within five seconds when the user is deactivated elsewhere', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const feed = await openFeed(w.world.dealer, await openSession(w.h.db, w.world.dealer, w.h.clock));
    await expectLive(feed);
    await inTransaction(w.h.db, (tx) => tx.update(users).set({ active: false }).where(eq(users.id, w.world.dealer.id)));
    vi.advanceTimersByTime(5_000);
    await expectEnded(feed);
  });

  it('ends within five seconds when the role or the company changes (there is no procedure for it: a direct change)', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const operatorFeed = await openFeed(w.world.operator, await openSession(w.h.db, w.world.operator, w.h.clock));
    const dealerFeed = await openFeed(w.world.dealer, await openSession(w.h.db, w.world.dealer, w.h.clock));
    await expectLive(operatorFeed);
    await vi.waitFor(() => expect(dealerFeed.bodies).toContain('before'));
    await inTransaction(w.h.db, async (tx) => {
      await tx.update(users).set({ role: 'backoffice' }).where(eq(users.id, w.world.operator.id));
      await tx.update(users).set({ dealerId: w.world.dealer2.dealerId, pointOfSaleId: w.world.dealer2.pointOfSaleId }).where(eq(users.id, w.world.dealer.id));
    });
    vi.advanceTimersByTime(5_000);
    await send('after');
    for (const feed of [operatorFeed, dealerFeed]) {
      expect(await feed.outcome()).toMatchObject({ code: 'UNAUTHORIZED' });
      expect(feed.bodies).not.toContain('after');
    }
  });

  it('keeps delivering while the session is good, and a client that closes the stream ends it without an error', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const feed = await openFeed(w.world.dealer, await openSession(w.h.db, w.world.dealer, w.h.clock));
    await expectLive(feed);
    vi.advanceTimersByTime(60_000);
    await send('still here');
    await vi.waitFor(() => expect(feed.bodies).toContain('still here'));
    open.at(-1)?.abort();
    expect(await feed.outcome()).toBe('returned');
  });

  it('refuses to open without a session to watch', async () => {
    const stream = callerFor(w.h.db, w.world.dealer, w.h.clock, w.h).realtime.feed({});
    await expect(stream).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

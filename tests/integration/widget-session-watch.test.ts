import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visitorSessions } from '@/db/schema';
import { loadWidgetSession } from '@/server/widget/visitor-session';
import { WIDGET_SESSION_RECHECK_MS, watchWidgetSession } from '@/server/widget/watch-widget-session';
import { widgetWorld, type WidgetWorld } from '../helpers/widget-world';

// An open widget feed ends when its session does — ended, expired, or moved to another visitor by
// a proven number — without a periodic query: the re-check period is a minute (the bound for other
// processes), far beyond these tests' time limit, so only the signal or the expiry timer ends them.
let w: WidgetWorld;
const streams: AbortController[] = [];
beforeEach(async () => {
  w = await widgetWorld();
});
afterEach(async () => {
  for (const controller of streams.splice(0)) controller.abort();
  await w.h.cleanup();
});

type Guest = Awaited<ReturnType<WidgetWorld['guest']>>;
const MSISDN = '+380671234567';

async function openFeed(g: Guest) {
  const controller = new AbortController();
  streams.push(controller);
  const stream = await (await w.widget(g.token, { signal: controller.signal })).feed({});
  const types: string[] = [];
  const ended = (async () => {
    try {
      for await (const item of stream) types.push((Array.isArray(item) ? item[1] : item).type as string);
      return 'returned';
    } catch (error) {
      return error;
    }
  })();
  return { types, ended };
}

const unauthorized = expect.objectContaining({ code: 'UNAUTHORIZED' });

describe('a widget feed ends with its session, without polling', () => {
  it('the re-check is the other processes’ bound only: a minute or more', () => {
    expect(WIDGET_SESSION_RECHECK_MS).toBeGreaterThanOrEqual(60_000);
  });

  it('session.end ends it at once', async () => {
    const g = await w.guest();
    const feed = await openFeed(g);
    await (await g.api()).session.end();
    expect(await feed.ended).toEqual(unauthorized);
  });

  it('another session’s end leaves it open', async () => {
    const [g, other] = [await w.guest('10.0.0.1'), await w.guest('10.0.0.2')];
    const feed = await openFeed(g);
    await (await other.api()).session.end();
    // Still listening: the guest's own next event arrives.
    await (await g.api()).chat.start({});
    await expect.poll(() => feed.types).toContain('chat.created');
  });

  it('proving a number that another visitor has moves the session: the feed ends', async () => {
    const owner = await w.guest('10.0.0.1');
    await (await owner.api()).code.request({ channel: 'sms', msisdn: MSISDN });
    await (await owner.api()).code.verify({ code: await w.codeSentTo(MSISDN) });

    const second = await w.guest('10.0.0.2');
    const feed = await openFeed(second);
    await (await second.api()).code.request({ channel: 'sms', msisdn: MSISDN });
    w.h.clock.advance(1000);
    const proven = await (await second.api()).code.verify({ code: await w.codeSentTo(MSISDN) });
    expect(proven.id).toBe(owner.visitorId);
    expect(await feed.ended).toEqual(unauthorized);
  });

  it('a guest proving a new number stays the same visitor: the feed goes on', async () => {
    const g = await w.guest();
    const feed = await openFeed(g);
    await (await g.api()).code.request({ channel: 'sms', msisdn: MSISDN });
    await (await g.api()).code.verify({ code: await w.codeSentTo(MSISDN) });
    await (await g.api()).chat.start({});
    await expect.poll(() => feed.types).toContain('chat.created');
  });

  it('expiry ends it by a timer, with no event: the session is read once then', async () => {
    const g = await w.guest();
    const session = await loadWidgetSession(w.h.db, g.token, w.h.clock.now());
    if (!session) throw new Error('no session');
    // The session expires a moment from now on the test's clock.
    const expiresAt = new Date(w.h.clock.now().getTime() + 20);
    await w.h.db.update(visitorSessions).set({ expiresAt }).where(eq(visitorSessions.id, session.id));
    const watch = watchWidgetSession({ db: w.h.db, clock: w.h.clock, session: { ...session, expiresAt } });
    const ended = new Promise((resolve) => watch.ended.addEventListener('abort', resolve));
    w.h.clock.advance(1000);
    await ended;
    expect(watch.ended.aborted).toBe(true);
  });

  it('a session renewed before its expiry is not ended by the timer', async () => {
    const g = await w.guest();
    const session = await loadWidgetSession(w.h.db, g.token, w.h.clock.now());
    if (!session) throw new Error('no session');
    // The feed knew an expiry a moment away; the row has been renewed since.
    const watch = watchWidgetSession({ db: w.h.db, clock: w.h.clock, session: { ...session, expiresAt: new Date(w.h.clock.now().getTime() + 20) } });
    w.h.clock.advance(1000);
    // The timer's read finds the renewed row, and the session goes on.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(watch.ended.aborted).toBe(false);
    watch.stop();
  });
});

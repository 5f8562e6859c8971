import superjson from 'superjson';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/server/context';
import { latestEventId } from '@/server/realtime/audience';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import { feedEvent } from '@/server/realtime/events';
import { applicationWorld } from '../helpers/application-world';
import { callerFor, openSession } from '../helpers/test-db';

/**
 * Realtime events are one declared union (server/realtime/events.ts): what the feed sends is that
 * union, and an event received live is the same, on the wire too, as when it is resumed from the
 * stored log after a reconnect.
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
  await w.h.cleanup();
});

/** Opens `realtime.feed` through the tRPC caller and collects the stored events it yields; `until(id)` waits for one and closes the stream. */
async function readFeed(actor: Actor, lastEventId: number | null) {
  const controller = new AbortController();
  open.push(controller);
  const session = await openSession(w.h.db, actor, w.h.clock);
  const stream = await callerFor(w.h.db, actor, w.h.clock, { ...w.h, session, signal: controller.signal }).realtime.feed(lastEventId === null ? {} : { lastEventId: String(lastEventId) });
  const got: unknown[] = [];
  const ids: number[] = [];
  const done = (async () => {
    for await (const item of stream) {
      const [, data] = item as unknown as [string, { id: number | null }];
      if (data.id === null) continue;
      got.push(item);
      ids.push(data.id);
    }
  })();
  const until = async (id: number) => {
    await vi.waitFor(() => expect(ids).toContain(id));
    controller.abort();
    await done;
  };
  return { got, until };
}

describe('realtime events', () => {
  it('an event received live equals the same event resumed from the log, as values and on the wire', async () => {
    const before = await latestEventId(w.h.db);
    const live = await readFeed(w.world.operator, null);

    await w.as(w.world.dealer).chat.send({ chatId, clientId: crypto.randomUUID(), text: 'привіт' });
    await w.as(w.world.dealer).application.create({ chatId, templateId: 'tariff-change' });
    await w.as(w.world.operator).chat.close({ chatId });
    const last = await latestEventId(w.h.db);
    await live.until(last);

    const resumed = await readFeed(w.world.operator, before);
    await resumed.until(last);

    expect(live.got.length).toBeGreaterThanOrEqual(4);
    expect(resumed.got).toStrictEqual(live.got);
    expect(resumed.got.map((item) => JSON.stringify(superjson.serialize(item)))).toEqual(live.got.map((item) => JSON.stringify(superjson.serialize(item))));
    // Plain JSON: nothing the transformer would have to carry as a Date or another class.
    for (const item of live.got) expect(superjson.serialize(item).meta).toBeUndefined();
    for (const item of live.got) expect(feedEvent.safeParse((item as [string, unknown])[1]).success).toBe(true);
  });

  it('an event that is not of the declared union is refused where it is made, and nothing of its change is stored or published', async () => {
    const published: unknown[] = [];
    w.h.bus.subscribe((event) => published.push(event));
    const before = await latestEventId(w.h.db);
    const dealerAudience = [{ kind: 'dealer', dealerId: w.world.dealer.dealerId ?? '', userId: null }] as const;
    const message = { id: 1, chatId, seq: 1, kind: 'text', authorId: null, authorName: null, authorRole: null, clientId: null, body: 'x', attachment: null };
    const drafts = [
      { type: 'chat.unknown', chatId, audience: dealerAudience, payload: {} },
      // A Date would arrive live as a Date and resumed from the log as a string.
      { type: 'chat.message', chatId, audience: dealerAudience, payload: { message: { ...message, createdAt: new Date() } } },
      { type: 'chat.rated', chatId, audience: dealerAudience, payload: { chatId, rating: 'five' } },
      // Two operators: the log stores one per event.
      { type: 'chat.rated', chatId, audience: [{ kind: 'operator', userId: 'a' }, { kind: 'operator', userId: 'b' }], payload: { chatId, rating: 5 } },
    ];
    for (const draft of drafts) {
      await expect(changeAndPublish({ db: w.h.db, bus: w.h.bus, clock: w.h.clock }, (_tx, emitter) => emitter.emit(draft as never))).rejects.toThrow();
      await expect(changeAndPublish({ db: w.h.db, bus: w.h.bus, clock: w.h.clock }, (_tx, emitter) => emitter.emitEphemeral(draft as never))).rejects.toThrow();
    }
    expect(await latestEventId(w.h.db)).toBe(before);
    expect(published).toEqual([]);
  });
});


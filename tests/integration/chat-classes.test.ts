import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { first } from '@/db/client';
import { auditEvents, chats } from '@/db/schema';
import { queueState } from '@/server/chat/queue-state';
import { routeWaitingChats, routingTransaction } from '@/server/chat/route-waiting-chats';
import { routingContext } from '@/server/chat/routing-context';
import { chatWorld, type ChatWorld } from '../helpers/chat-world';
import { makeSubscriberChat, makeVisitor } from '../helpers/factories';
import { trpcFailure } from '../helpers/test-db';

let w: ChatWorld;
beforeEach(async () => {
  w = await chatWorld();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await w.h.cleanup();
});

/** Routes the queue as any verb that frees a place or queues a chat does. */
const routeNow = () =>
  routingTransaction(w.h, (tx, emitter) => routeWaitingChats(tx, emitter, routingContext({ db: w.h.db, actor: null, clock: w.h.clock, bus: w.h.bus, scheduler: w.h.scheduler })));

/** `count` subscriber chats arriving `stepMs` apart from now on (the clock is left where it was). */
async function subscriberBurst(count: number, stepMs: number) {
  const t0 = w.h.clock.now().getTime();
  const made: { id: string }[] = [];
  for (let i = 0; i < count; i++) made.push(await makeSubscriberChat(w.h.db, { createdAt: new Date(t0 + i * stepMs) }, w.h.clock));
  return made;
}

const offeredIds = async () => (await w.h.db.select().from(chats).where(eq(chats.status, 'queued'))).filter((c) => c.offeredTo).map((c) => c.id);
const placeOf = async (chatId: string) => (await queueState(w.h.db, w.h.clock.now())).places.get(chatId);
const setServes = (operatorId: string, serves: 'both' | 'dealer' | 'subscriber') => w.as(w.world.admin).admin.operators.setServes({ operatorId, serves });

describe('one queue, two classes: earliest deadline first', () => {
  it('with equal targets a burst of 30 subscriber chats keeps arrival order across classes: a later dealer chat is not pushed behind them', async () => {
    const burst = await subscriberBurst(30, 1000); // at 0 s … 29 s
    w.h.clock.advance(15_500);
    const dealer = await w.as(w.world.dealer).chat.start({});
    w.h.clock.advance(15_000);
    expect(await placeOf(dealer.chatId)).toMatchObject({ position: 17, ahead: 16, outlook: 'noOperators' });
    expect(await placeOf(burst[16]?.id ?? '')).toMatchObject({ position: 18 });

    await w.online(w.world.operator, 8);
    await w.online(w.world.operator2, 8);
    const offered = new Set(await offeredIds());
    expect(offered.size).toBe(16);
    expect(burst.slice(0, 16).every((c) => offered.has(c.id))).toBe(true);
    expect(offered.has(dealer.chatId)).toBe(false);
    expect(await placeOf(dealer.chatId)).toMatchObject({ position: 17, ahead: 0 });

    await w.as(w.world.admin).admin.operators.setCapacity({ userId: w.world.operator2.id, capacity: 9 });
    expect((await w.chat(dealer.chatId)).offeredTo).toBe(w.world.operator2.id);
    expect((await w.chat(burst[16]?.id ?? '')).offeredTo).toBeNull();
  });

  it('with a dealer target of 10 s and a subscriber target of 60 s, a dealer chat arriving 30 s after the subscribers goes first', async () => {
    vi.stubEnv('CHAT_TARGET_DEALER_SECONDS', '10');
    vi.stubEnv('CHAT_TARGET_SUBSCRIBER_SECONDS', '60');
    const burst = await subscriberBurst(30, 10);
    w.h.clock.advance(30_000);
    const dealer = await w.as(w.world.dealer).chat.start({}); // deadline 40 s, theirs 60 s
    expect(await placeOf(dealer.chatId)).toMatchObject({ position: 1, ahead: 0 });
    expect(await placeOf(burst[0]?.id ?? '')).toMatchObject({ position: 2, ahead: 1 });
    await w.online(w.world.operator, 1);
    expect((await w.chat(dealer.chatId)).offeredTo).toBe(w.world.operator.id);
    expect(await offeredIds()).toEqual([dealer.chatId]);
  });

  it('a subscriber chat arriving much later than a dealer chat goes first only when its deadline is earlier', async () => {
    vi.stubEnv('CHAT_TARGET_DEALER_SECONDS', '60');
    vi.stubEnv('CHAT_TARGET_SUBSCRIBER_SECONDS', '10');
    const dealer = await w.as(w.world.dealer).chat.start({}); // deadline 60 s
    w.h.clock.advance(55_000);
    const late = await makeSubscriberChat(w.h.db, {}, w.h.clock); // deadline 65 s: after the dealer's
    w.h.clock.advance(1_000);
    await w.online(w.world.operator, 1);
    expect((await w.chat(dealer.chatId)).offeredTo).toBe(w.world.operator.id);
    expect((await w.chat(late.id)).offeredTo).toBeNull();
  });
});

describe('which chats an operator takes', () => {
  it('an operator serving only dealers is never offered a subscriber chat; subscriber chats wait with noOperators, and the dealer queue counts only its own', async () => {
    await setServes(w.world.operator.id, 'dealer');
    await w.online(w.world.operator, 1);
    await w.as(w.world.operator2).operator.setStatus({ status: 'away' });
    const sub = await makeSubscriberChat(w.h.db, {}, w.h.clock);
    await routeNow();
    expect((await w.chat(sub.id)).offeredTo).toBeNull();
    expect(await placeOf(sub.id)).toMatchObject({ outlook: 'noOperators', etaSeconds: null, servingPlaces: 0 });

    w.h.clock.advance(1);
    const first_ = await w.as(w.world.dealer).chat.start({});
    expect((await w.chat(first_.chatId)).offeredTo).toBe(w.world.operator.id);
    await w.as(w.world.operator).operator.accept({ chatId: first_.chatId });
    const second = await w.as(w.world.dealer2).chat.start({});
    expect((await w.chat(second.chatId)).offeredTo).toBeNull();
    expect(await placeOf(second.chatId)).toMatchObject({ position: 1, ahead: 0, outlook: 'estimate', servingPlaces: 1 });
    expect((await w.chat(sub.id)).offeredTo).toBeNull();

    await w.as(w.world.operator).chat.close({ chatId: first_.chatId });
    expect((await w.chat(second.chatId)).offeredTo).toBe(w.world.operator.id);
    expect((await w.chat(sub.id)).offeredTo).toBeNull();

    await setServes(w.world.operator2.id, 'subscriber');
    await w.online(w.world.operator2, 1);
    expect((await w.chat(sub.id)).offeredTo).toBe(w.world.operator2.id);
  });

  it('an operator serving only subscribers is never offered a dealer chat', async () => {
    await setServes(w.world.operator.id, 'subscriber');
    await w.online(w.world.operator, 3);
    const dealer = await w.as(w.world.dealer).chat.start({});
    expect((await w.chat(dealer.chatId)).offeredTo).toBeNull();
    expect(await placeOf(dealer.chatId)).toMatchObject({ outlook: 'noOperators' });
    const sub = await makeSubscriberChat(w.h.db, {}, w.h.clock);
    await routeNow();
    expect((await w.chat(sub.id)).offeredTo).toBe(w.world.operator.id);
    expect((await w.chat(dealer.chatId)).offeredTo).toBeNull();
  });

  it('a chat goes to an operator of its own class before one who serves both, so the other class still finds someone', async () => {
    await w.online(w.world.operator, 1); // both; idle the longest
    w.h.clock.advance(1000);
    await setServes(w.world.operator2.id, 'subscriber');
    await w.online(w.world.operator2, 1);
    const sub = await makeSubscriberChat(w.h.db, {}, w.h.clock);
    w.h.clock.advance(1);
    const dealer = await w.as(w.world.dealer).chat.start({});
    expect((await w.chat(sub.id)).offeredTo).toBe(w.world.operator2.id);
    expect((await w.chat(dealer.chatId)).offeredTo).toBe(w.world.operator.id);
  });

  it('a chat is not transferred to a colleague who does not take its class', async () => {
    await w.online(w.world.operator, 2);
    await setServes(w.world.operator2.id, 'subscriber');
    await w.online(w.world.operator2, 2);
    await w.as(w.world.operator2).operator.setStatus({ status: 'away' });
    const dealer = await w.as(w.world.dealer).chat.start({});
    await w.as(w.world.operator).operator.accept({ chatId: dealer.chatId });
    await w.as(w.world.operator2).operator.setStatus({ status: 'available' });
    const refused = await trpcFailure(w.as(w.world.operator).operator.transfer({ chatId: dealer.chatId, toOperatorId: w.world.operator2.id, note: '' }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/does not take dealer chats/);
    expect((await w.chat(dealer.chatId)).operatorId).toBe(w.world.operator.id);
    await setServes(w.world.operator2.id, 'both');
    await w.as(w.world.operator).operator.transfer({ chatId: dealer.chatId, toOperatorId: w.world.operator2.id, note: '' });
    expect((await w.chat(dealer.chatId)).operatorId).toBe(w.world.operator2.id);
  });

  it('a visitor made by the factory is a guest unless a number is given', async () => {
    expect(await makeVisitor(w.h.db, {}, w.h.clock)).toMatchObject({ msisdn: null });
    expect(await makeVisitor(w.h.db, { msisdn: '+380671234567' }, w.h.clock)).toMatchObject({ msisdn: '+380671234567' });
  });
});

describe('admin.operators.setServes', () => {
  it('sets whose chats an operator takes, audited, listed, and routes at once', async () => {
    await setServes(w.world.operator.id, 'dealer');
    await w.online(w.world.operator, 1);
    const sub = await makeSubscriberChat(w.h.db, {}, w.h.clock);
    await routeNow();
    expect((await w.chat(sub.id)).offeredTo).toBeNull();
    expect(await setServes(w.world.operator.id, 'both')).toEqual({ operatorId: w.world.operator.id, serves: 'both' });
    expect((await w.chat(sub.id)).offeredTo).toBe(w.world.operator.id);
    const listed = await w.as(w.world.admin).admin.operators.list();
    expect(listed.find((o) => o.id === w.world.operator.id)?.serves).toBe('both');
    expect(listed.find((o) => o.id === w.world.operator2.id)?.serves).toBe('both');
    const audit = await w.h.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'operator.serves'), eq(auditEvents.entityId, w.world.operator.id)));
    expect(audit.map((a) => a.data)).toEqual([
      { from: 'both', serves: 'dealer' },
      { from: 'dealer', serves: 'both' },
    ]);
  });

  it('refuses a bad class, someone who is not an operator, and anyone but an admin', async () => {
    expect((await trpcFailure(w.as(w.world.admin).admin.operators.setServes({ operatorId: w.world.operator.id, serves: 'everyone' as 'both' }))).code).toBe('BAD_REQUEST');
    expect((await trpcFailure(w.as(w.world.admin).admin.operators.setServes({ operatorId: 'not-an-id', serves: 'both' }))).code).toBe('BAD_REQUEST');
    expect((await trpcFailure(setServes(w.world.dealer.id, 'dealer'))).code).toBe('NOT_FOUND');
    expect((await trpcFailure(w.as(w.world.operator).admin.operators.setServes({ operatorId: w.world.operator.id, serves: 'dealer' }))).code).toBe('FORBIDDEN');
    const row = await first(w.h.db.select().from(auditEvents).where(eq(auditEvents.action, 'operator.serves')));
    expect(row).toBeUndefined();
  });
});

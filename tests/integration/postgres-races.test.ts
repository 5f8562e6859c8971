import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, first, inTransaction, rawRows, type Db } from '@/db/client';
import { openPostgres } from '@/db/postgres';
import { auditEvents, chatMessages, chatOffers, chats, notifications, operatorPresence, realtimeEvents } from '@/db/schema';
import { verifyAuditChain } from '@/server/audit/verify-audit-chain';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import { CHAT_LIMITS } from '@/server/chat/chat-config';
import { expireOffer } from '@/server/chat/expire-offer';
import { offerTimeoutMs } from '@/server/chat/offer-timeout';
import { sweepExpiredOffers } from '@/server/chat/sweep-expired-offers';
import { sweepStalePresence } from '@/server/chat/sweep-stale-presence';
import type { Actor } from '@/server/context';
import type { EventBus } from '@/server/realtime/event-bus';
import type { NotificationChannel, OutgoingMessage } from '@/server/notifications/channel';
import { deliverDue } from '@/server/notifications/notification-sender';
import { enqueueNotification } from '@/server/notifications/outbox';
import { InProcessEventBus } from '@/server/realtime/in-process-event-bus';
import { callerFor, createHarness, ManualScheduler, type Harness, type TestClock } from '../helpers/test-db';
import { backOfficeWorld } from '../helpers/backoffice-world';
import { makeOperator, makeWorld } from '../helpers/factories';

/**
 * What SQLite's single writer made true by itself, proved on PostgreSQL with real concurrency:
 * two "processes", each a pool of its own on the same database with its own bus and scheduler,
 * fire the same verbs at once, round after round. On SQLite every write transaction is one at a
 * time (BEGIN IMMEDIATE under a process-wide lock), so these races cannot happen there and the
 * file runs in the PostgreSQL project only.
 */
/** One process's view: its pool, its bus and its scheduler (the clock is shared, moved by the test). */
interface Process {
  db: Db;
  bus: EventBus;
  clock: TestClock;
  scheduler: ManualScheduler;
}

describe.skipIf(process.env.DEALER_DESK_TEST_DB !== 'postgres')('races between two processes on PostgreSQL', () => {
  let h: Harness & { cleanup: () => Promise<void> };
  /** The second process's pool. */
  let other: Db;
  let contexts: [Process, Process];

  beforeEach(async () => {
    h = await createHarness();
    other = await openPostgres(h.url, { max: 4 });
    contexts = [
      { db: h.db, bus: h.bus, clock: h.clock, scheduler: h.scheduler },
      { db: other, bus: new InProcessEventBus(), clock: h.clock, scheduler: new ManualScheduler(h.clock) },
    ];
  });
  afterEach(async () => {
    await closeDb(other);
    await h.cleanup();
  });

  /** A tRPC caller for `actor` in process 0 (the harness's pool) or 1 (the second pool). */
  const as = (process: 0 | 1, actor: Actor | null) => callerFor(contexts[process].db, actor, h.clock, { bus: contexts[process].bus, scheduler: contexts[process].scheduler, storage: h.storage });
  /** Half the calls in each process. */
  const split = <T,>(calls: ((process: 0 | 1) => Promise<T>)[]) => Promise.allSettled(calls.map((call, i) => call((i % 2) as 0 | 1)));
  const fulfilled = <T,>(results: PromiseSettledResult<T>[]) => results.filter((r) => r.status === 'fulfilled').length;
  const rejectedCodes = (results: PromiseSettledResult<unknown>[]) =>
    results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => (r.reason as { code?: string; message?: string }).code ?? String(r.reason));

  async function load(operatorId: string) {
    const active = (await first(h.db.select({ n: count() }).from(chats).where(and(eq(chats.operatorId, operatorId), eq(chats.status, 'active')))))?.n ?? 0;
    const offered = (await first(h.db.select({ n: count() }).from(chats).where(and(eq(chats.offeredTo, operatorId), eq(chats.status, 'queued')))))?.n ?? 0;
    return { active, offered, total: active + offered };
  }

  const storedEvents = async (type: string, where: { chatId?: string; operatorId?: string }) =>
    (
      await first(
        h.db
          .select({ n: count() })
          .from(realtimeEvents)
          .where(
            and(
              eq(realtimeEvents.type, type),
              where.chatId ? eq(realtimeEvents.chatId, where.chatId) : undefined,
              where.operatorId ? eq(realtimeEvents.operatorId, where.operatorId) : undefined,
            ),
          ),
      )
    )?.n ?? 0;

  describe('routing against capacity', () => {
    it('chats started at once from both processes are never offered past an operator’s capacity', async () => {
      const world = await makeWorld(h.db);
      await as(0, world.admin).admin.operators.setCapacity({ userId: world.operator.id, capacity: 2 });
      await as(0, world.admin).admin.operators.setCapacity({ userId: world.operator2.id, capacity: 1 });
      for (let round = 0; round < 8; round += 1) {
        await as(0, world.operator).operator.setStatus({ status: 'available' });
        await as(1, world.operator2).operator.setStatus({ status: 'available' });
        const started = await split(Array.from({ length: 8 }, () => (p: 0 | 1) => as(p, world.dealer).chat.start({ topic: `Раунд ${round}` })));
        expect(fulfilled(started)).toBe(8);
        const one = await load(world.operator.id);
        const two = await load(world.operator2.id);
        expect({ round, one: one.total, two: two.total }).toEqual({ round, one: 2, two: 1 });
        // The rest wait; everything is cancelled for the next round (nobody takes it: both go offline first).
        await as(0, world.operator).operator.setStatus({ status: 'offline' });
        await as(1, world.operator2).operator.setStatus({ status: 'offline' });
        const open = await h.db.select({ id: chats.id }).from(chats).where(eq(chats.status, 'queued'));
        for (const { id } of open) await as(0, world.dealer).chat.cancel({ chatId: id });
      }
    });

    // Starting a chat writes an audit event first, and the audit chain's lock happens to queue
    // those transactions before they route; going available writes none, so here nothing but the
    // routing lock keeps two routings from offering the same waiting chats to different operators
    // (the later overwriting the earlier's offer) or past a capacity.
    it('operators going available at once from both processes: every place filled once, each chat offered once', async () => {
      const world = await makeWorld(h.db);
      const operators = [
        world.operator,
        world.operator2,
        await makeOperator(h.db, { name: 'Оператор Третій', email: 'operator3@test.local' }),
        await makeOperator(h.db, { name: 'Оператор Четвертий', email: 'operator4@test.local' }),
      ];
      const capacity = new Map(operators.map((o, i) => [o.id, i === 0 ? 2 : 1]));
      for (const [userId, places] of capacity) await as(0, world.admin).admin.operators.setCapacity({ userId, capacity: places });
      for (let round = 0; round < 10; round += 1) {
        const waiting = [];
        for (let i = 0; i < 7; i += 1) {
          const dealer = i % 2 ? world.dealer : world.dealer2;
          waiting.push({ dealer, chatId: (await as(0, dealer).chat.start({})).chatId });
        }
        const went = await split(operators.map((operator) => (p: 0 | 1) => as(p, operator).operator.setStatus({ status: 'available' })));
        expect(rejectedCodes(went)).toEqual([]);
        for (const operator of operators) expect({ round, load: (await load(operator.id)).total }).toEqual({ round, load: capacity.get(operator.id) });
        const offered = await h.db.select({ id: chats.id, offeredTo: chats.offeredTo }).from(chats).where(eq(chats.status, 'queued'));
        const pending = await h.db.select({ chatId: chatOffers.chatId, operatorId: chatOffers.operatorId }).from(chatOffers).where(eq(chatOffers.outcome, 'pending'));
        const asOffered = offered.filter((c) => c.offeredTo).map((c) => `${c.id}→${c.offeredTo}`);
        expect({ round, pending: pending.map((o) => `${o.chatId}→${o.operatorId}`).toSorted() }).toEqual({ round, pending: asOffered.toSorted() });
        for (const operator of operators) await as(0, operator).operator.setStatus({ status: 'offline' });
        for (const { dealer, chatId } of waiting) await as(0, dealer).chat.cancel({ chatId });
      }
    });

    it('accepts at once from both processes never take an operator past their capacity', async () => {
      const world = await makeWorld(h.db);
      await as(0, world.admin).admin.operators.setCapacity({ userId: world.operator.id, capacity: 1 });
      // Wrapping up: no offers, but a chat may be taken from the queue while below capacity.
      await as(0, world.operator).operator.setStatus({ status: 'wrap_up' });
      for (let round = 0; round < 8; round += 1) {
        const waiting = [];
        for (let i = 0; i < 4; i += 1) waiting.push((await as(0, world.dealer).chat.start({})).chatId);
        const accepted = await split(waiting.map((chatId) => (p: 0 | 1) => as(p, world.operator).operator.accept({ chatId })));
        expect({ round, accepted: fulfilled(accepted) }).toEqual({ round, accepted: 1 });
        expect(rejectedCodes(accepted)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
        expect((await load(world.operator.id)).active).toBe(1);
        for (const chatId of waiting) {
          const chat = await first(h.db.select({ status: chats.status }).from(chats).where(eq(chats.id, chatId)));
          if (chat?.status === 'active') await as(0, world.operator).chat.close({ chatId });
          else await as(0, world.dealer).chat.cancel({ chatId });
        }
      }
    });

    it('transfers at once to one operator from both processes never take them past their capacity', async () => {
      const world = await makeWorld(h.db);
      const third = await makeOperator(h.db, { name: 'Оператор Третій', email: 'operator3@test.local' });
      const target = world.operator2;
      await as(0, world.admin).admin.operators.setCapacity({ userId: target.id, capacity: 1 });
      // Everyone wrapping up: nothing is offered, chats are taken from the queue by hand.
      for (const operator of [world.operator, third, target]) await as(0, operator).operator.setStatus({ status: 'wrap_up' });
      for (let round = 0; round < 8; round += 1) {
        const first1 = (await as(0, world.dealer).chat.start({})).chatId;
        const first2 = (await as(0, world.dealer2).chat.start({})).chatId;
        await as(0, world.operator).operator.accept({ chatId: first1 });
        await as(1, third).operator.accept({ chatId: first2 });
        const moved = await Promise.allSettled([
          as(0, world.operator).operator.transfer({ chatId: first1, toOperatorId: target.id, note: '' }),
          as(1, third).operator.transfer({ chatId: first2, toOperatorId: target.id, note: '' }),
        ]);
        expect({ round, moved: fulfilled(moved) }).toEqual({ round, moved: 1 });
        expect(rejectedCodes(moved)).toEqual(['CONFLICT']);
        expect((await load(target.id)).active).toBe(1);
        for (const [chatId, dealer] of [[first1, world.dealer], [first2, world.dealer2]] as const) await as(0, dealer).chat.close({ chatId });
      }
    });
  });

  it('sends at once on one chat from both processes get unique, contiguous sequence numbers', async () => {
    const world = await makeWorld(h.db);
    await as(0, world.operator).operator.setStatus({ status: 'available' });
    const { chatId } = await as(0, world.dealer).chat.start({});
    await as(0, world.operator).operator.accept({ chatId });
    for (let round = 0; round < 5; round += 1) {
      const sent = await split(
        Array.from({ length: 20 }, (_, i) => (p: 0 | 1) => as(p, i % 4 < 2 ? world.dealer : world.operator).chat.send({ chatId, clientId: randomUUID(), text: `${round}.${i}` })),
      );
      expect(rejectedCodes(sent)).toEqual([]);
    }
    const seqs = (await h.db.select({ seq: chatMessages.seq }).from(chatMessages).where(eq(chatMessages.chatId, chatId)).orderBy(asc(chatMessages.seq))).map((m) => m.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(seqs.length).toBeGreaterThanOrEqual(101);
    expect((await first(h.db.select({ lastSeq: chats.lastSeq }).from(chats).where(eq(chats.id, chatId))))?.lastSeq).toBe(seqs.length);
  });

  it('the audit chain stays intact under changes at once from both processes', async () => {
    const world = await makeWorld(h.db);
    for (let round = 0; round < 10; round += 1) {
      const written = await split(
        Array.from({ length: 16 }, (_, i) => (p: 0 | 1) =>
          inTransaction(contexts[p].db, async (tx) => {
            // Some work before the append widens the window between reading the head and writing after it.
            await rawRows(tx, sql`select 1`);
            await writeAuditEvent(tx, { at: h.clock.now(), actorId: world.admin.id, actorRole: 'admin', action: 'test.race', entityType: 'test', entityId: `${round}.${i}`, data: { round, i } });
          }),
        ),
      );
      expect(rejectedCodes(written)).toEqual([]);
    }
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true });
    expect((await first(h.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, 'test.race'))))?.n).toBe(160);
  });

  describe('claims and decisions', () => {
    it('two employees claiming or approving the same application at once: one wins, the other hears of it, one audit event', async () => {
      const w = await backOfficeWorld();
      try {
        const db2 = await openPostgres(w.h.url, { max: 4 });
        try {
          const bus2 = new InProcessEventBus();
          const in2 = (actor: Actor) => callerFor(db2, actor, w.h.clock, { bus: bus2, scheduler: new ManualScheduler(w.h.clock), storage: w.h.storage });
          const [a, b] = [w.world.backoffice, await w.employee('Петро Іваненко')];
          const auditCount = async (applicationId: string, action: string) =>
            (await first(w.h.db.select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.entityId, applicationId), eq(auditEvents.action, action)))))?.n ?? 0;
          for (let round = 0; round < 3; round += 1) {
            const { applicationId } = await w.submitted('tariff-change');
            // Claims: after each, the winner releases and both try again.
            for (let claim = 1; claim <= 3; claim += 1) {
              const claimed = await Promise.allSettled([w.as(a).backoffice.claim({ applicationId }), in2(b).backoffice.claim({ applicationId })]);
              expect({ round, claim, claimed: fulfilled(claimed) }).toEqual({ round, claim, claimed: 1 });
              expect(rejectedCodes(claimed)).toEqual(['CONFLICT']);
              expect(await auditCount(applicationId, 'application.claim')).toBe(claim);
              const holder = (await w.row(applicationId))?.claimedBy === a.id ? w.as(a) : in2(b);
              await holder.backoffice.release({ applicationId });
            }
            const version = (await w.row(applicationId))?.version ?? 0;
            const decided = await Promise.allSettled([w.as(a).backoffice.approve({ applicationId, version }), in2(b).backoffice.approve({ applicationId, version })]);
            expect({ round, decided: fulfilled(decided) }).toEqual({ round, decided: 1 });
            expect(rejectedCodes(decided)).toEqual(['CONFLICT']);
            expect(await auditCount(applicationId, 'application.approve')).toBe(1);
            expect((await w.outbox(applicationId)).filter((n) => n.kind === 'decision')).toHaveLength(1);
          }
          expect(await verifyAuditChain(w.h.db)).toMatchObject({ ok: true });
        } finally {
          await closeDb(db2);
        }
      } finally {
        await w.h.cleanup();
      }
    });
  });

  // A decision writes its audit event and then a line in the application's chat; a transfer of
  // that chat locks the chat's row and then writes its audit event. Taken in those two orders,
  // each would hold what the other waits for (PostgreSQL ends one of them with a deadlock error).
  it('an application decided while its chat is transferred: both go through', async () => {
    const w = await backOfficeWorld();
    try {
      const db2 = await openPostgres(w.h.url, { max: 4 });
      try {
        const in2 = (actor: Actor) => callerFor(db2, actor, w.h.clock, { bus: new InProcessEventBus(), scheduler: new ManualScheduler(w.h.clock), storage: w.h.storage });
        const { operator, operator2 } = w.world;
        await w.as(operator2).operator.setStatus({ status: 'wrap_up' });
        for (let round = 0; round < 10; round += 1) {
          const { applicationId, version } = await w.submitted('tariff-change');
          const both = await Promise.allSettled([
            in2(w.world.backoffice).backoffice.approve({ applicationId, version }),
            w.as(operator).operator.transfer({ chatId: w.chatId, toOperatorId: operator2.id, note: '' }),
          ]);
          expect({ round, failed: rejectedCodes(both) }).toEqual({ round, failed: [] });
          await w.as(operator2).operator.transfer({ chatId: w.chatId, toOperatorId: operator.id, note: '' });
        }
      } finally {
        await closeDb(db2);
      }
    } finally {
      await w.h.cleanup();
    }
  });

  // The same between a package and its chat: sending it writes the package's audit event and
  // then its card in the chat; opening it, the audit event and then the applications' cards.
  it('a package sent and opened while its chat is transferred: nothing deadlocks', async () => {
    const w = await backOfficeWorld();
    try {
      const db2 = await openPostgres(w.h.url, { max: 4 });
      try {
        const in2 = (actor: Actor) => callerFor(db2, actor, w.h.clock, { bus: new InProcessEventBus(), scheduler: new ManualScheduler(w.h.clock), storage: w.h.storage });
        const { operator, operator2, dealer } = w.world;
        await w.as(operator2).operator.setStatus({ status: 'wrap_up' });
        const company = {
          company: { name: 'ТОВ «Агро-Поділля»', edrpou: '34000003', legalAddress: 'м. Бар, вул. Соборна, 1', iban: 'UA213223130000026007233566001' },
          authority: { poaNumber: '15/2026', poaDate: '2026-01-15', poaValidUntil: '2026-12-31' },
          representative: { name: 'Шевченко Петро Олегович', position: 'менеджер' },
        };
        const items = [{ templateId: 'legal-entity-tariff-change', formData: { tariff: { effective: 'next-period' } } }];
        const unexpected = (results: PromiseSettledResult<unknown>[]) => rejectedCodes(results).filter((code) => code !== 'NOT_FOUND' && code !== 'CONFLICT');
        for (let round = 0; round < 10; round += 1) {
          const { packageId } = await w.as(operator).package.create({ kind: 'legal-entity', company, items });
          // Sending races the operator's own transfer: either may come first (a chat no longer theirs is NOT_FOUND to send into).
          const sent = await Promise.allSettled([
            in2(operator).package.send({ packageId, chatId: w.chatId }),
            w.as(operator).operator.transfer({ chatId: w.chatId, toOperatorId: operator2.id, note: '' }),
          ]);
          expect({ round, unexpected: unexpected(sent) }).toEqual({ round, unexpected: [] });
          const chatNow = await first(w.h.db.select({ operatorId: chats.operatorId }).from(chats).where(eq(chats.id, w.chatId)));
          const holder = chatNow?.operatorId === operator.id ? operator : operator2;
          if (sent[0].status === 'fulfilled') {
            const opened = await Promise.allSettled([
              in2(dealer).package.open({ packageId }),
              w.as(holder).operator.transfer({ chatId: w.chatId, toOperatorId: holder === operator ? operator2.id : operator.id, note: '' }),
            ]);
            expect({ round, opened: rejectedCodes(opened) }).toEqual({ round, opened: [] });
          }
          // Back to the first operator for the next round.
          const now = await first(w.h.db.select({ operatorId: chats.operatorId }).from(chats).where(eq(chats.id, w.chatId)));
          if (now?.operatorId === operator2.id) await w.as(operator2).operator.transfer({ chatId: w.chatId, toOperatorId: operator.id, note: '' });
        }
      } finally {
        await closeDb(db2);
      }
    } finally {
      await w.h.cleanup();
    }
  });

  it('an expired offer swept and timed out by both processes at once is expired once', async () => {
    const world = await makeWorld(h.db);
    const { chatId } = await as(0, world.dealer).chat.start({});
    for (let round = 1; round <= 6; round += 1) {
      // Going available resets the missed offers (three in a row would set the operator away) and offers the chat.
      await as(round % 2 === 0 ? 0 : 1, world.operator).operator.setStatus({ status: 'available' });
      expect((await first(h.db.select({ offeredTo: chats.offeredTo }).from(chats).where(eq(chats.id, chatId))))?.offeredTo).toBe(world.operator.id);
      h.clock.advance(offerTimeoutMs() + 1);
      const ctx = (p: 0 | 1) => ({ ...contexts[p], actor: null });
      const expired = await Promise.all([
        sweepExpiredOffers({ ctx: ctx(0) }),
        sweepExpiredOffers({ ctx: ctx(1) }),
        expireOffer({ ctx: ctx(0), input: { chatId } }),
        expireOffer({ ctx: ctx(1), input: { chatId } }),
        sweepExpiredOffers({ ctx: ctx(1) }),
      ]);
      expect({ round, expired: expired.map(Number).reduce((x, y) => x + y) }).toEqual({ round, expired: 1 });
      const missed = (await first(h.db.select({ n: count() }).from(chatOffers).where(and(eq(chatOffers.chatId, chatId), eq(chatOffers.outcome, 'missed')))))?.n;
      expect({ round, missed }).toEqual({ round, missed: round });
      const withdrawn = await h.db
        .select({ payload: realtimeEvents.payload })
        .from(realtimeEvents)
        .where(and(eq(realtimeEvents.type, 'chat.offerWithdrawn'), eq(realtimeEvents.chatId, chatId)));
      expect({ round, withdrawn: withdrawn.filter((e) => (e.payload as { reason?: string }).reason === 'expired').length }).toEqual({ round, withdrawn: round });
      await as(0, world.operator).operator.setStatus({ status: 'offline' });
    }
  });

  it('a stale presence swept by both processes at once goes offline once', async () => {
    const world = await makeWorld(h.db);
    const operators = [world.operator, world.operator2, await makeOperator(h.db, { name: 'Оператор Третій', email: 'operator3@test.local' })];
    for (let round = 1; round <= 6; round += 1) {
      for (const operator of operators) await as(0, operator).operator.setStatus({ status: 'available' });
      const before = await Promise.all(operators.map((o) => storedEvents('operator.status', { operatorId: o.id })));
      h.clock.advance(CHAT_LIMITS.heartbeatTimeoutMs + 1);
      const swept = await Promise.all([sweepStalePresence({ ctx: { ...contexts[0], actor: null } }), sweepStalePresence({ ctx: { ...contexts[1], actor: null } })]);
      expect({ round, swept: swept[0] + swept[1] }).toEqual({ round, swept: operators.length });
      const after = await Promise.all(operators.map((o) => storedEvents('operator.status', { operatorId: o.id })));
      expect({ round, added: after.map((n, i) => n - (before[i] ?? 0)) }).toEqual({ round, added: operators.map(() => 1) });
      const statuses = await h.db.select({ status: operatorPresence.status }).from(operatorPresence);
      expect(statuses.every((s) => s.status === 'offline')).toBe(true);
    }
  });

  describe('the notification sender', () => {
    /** A channel that counts what it was given, taking a little while per message. */
    class CountingChannel implements NotificationChannel {
      readonly sent: OutgoingMessage[] = [];
      async send(message: OutgoingMessage) {
        await sleep(2);
        this.sent.push(message);
      }
    }

    async function queue(n: number, tag: string) {
      await inTransaction(h.db, async (tx) => {
        for (let i = 0; i < n; i += 1) {
          await enqueueNotification(
            tx,
            { dedupeKey: `${tag}:${i}`, applicationId: null, kind: 'test', channel: i % 3 === 0 ? 'email' : 'sms', recipient: '+380501234567', subject: 'Тест', body: `${tag} ${i}` },
            h.clock.now(),
          );
        }
      });
    }

    it('on both processes at once delivers each notification exactly once', async () => {
      const channels = [new CountingChannel(), new CountingChannel()] as const;
      for (let round = 0; round < 5; round += 1) {
        await queue(30, `round${round}`);
        await Promise.all(([0, 1] as const).map((p) => deliverDue({ db: contexts[p].db, clock: h.clock, channels: { sms: channels[p], email: channels[p] } })));
      }
      const delivered = [...channels[0].sent, ...channels[1].sent].map((m) => m.id);
      expect(delivered).toHaveLength(150);
      expect(new Set(delivered).size).toBe(150);
      expect(channels[0].sent.length).toBeGreaterThan(0);
      expect(channels[1].sent.length).toBeGreaterThan(0);
      expect((await h.db.select({ status: notifications.status }).from(notifications)).every((n) => n.status === 'sent')).toBe(true);
    });

    // The lease is taken with FOR UPDATE SKIP LOCKED: a row another sender holds is passed over,
    // not waited for. Without it the sender would block on that row until the holder commits.
    it('passes over a row another sender holds instead of waiting for it', async () => {
      await queue(5, 'held');
      const held = await first(h.db.select({ id: notifications.id }).from(notifications).orderBy(asc(notifications.createdAt), asc(notifications.dedupeKey)).limit(1));
      if (!held) throw new Error('nothing queued');
      let release: () => void = () => undefined;
      let holding: () => void = () => undefined;
      const locked = new Promise<void>((resolve) => (holding = resolve));
      const holder = inTransaction(other, async (tx) => {
        await rawRows(tx, sql`select id from notifications where id = ${held.id} for update`);
        holding();
        await new Promise<void>((resolve) => (release = resolve));
      });
      await locked;
      const channel = new CountingChannel();
      const delivering = deliverDue({ db: h.db, clock: h.clock, channels: { sms: channel, email: channel } });
      // Either the sender finishes while the row is still held, or it is seen waiting for a lock.
      let watching = true;
      const blocked = (async () => {
        while (watching) {
          await sleep(20);
          const waiting = await rawRows<{ n: number }>(other, sql`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`);
          if ((waiting[0]?.n ?? 0) > 0) return 'blocked' as const;
        }
        return 'stopped' as const;
      })();
      const outcome = await Promise.race([delivering.then((result) => ({ result })), blocked]);
      watching = false;
      release();
      await blocked;
      await holder;
      await delivering;
      expect(outcome).toEqual({ result: { sent: 4, retried: 0, failed: 0 } });
      expect(channel.sent.map((m) => m.id)).not.toContain(held.id);
      // Once let go, the next run sends it.
      expect(await deliverDue({ db: h.db, clock: h.clock, channels: { sms: channel, email: channel } })).toEqual({ sent: 1, retried: 0, failed: 0 });
    });
  });
});

import { TRPCError } from '@trpc/server';
import type { Db } from '@/db/client';
import { sweepStalePresence } from '@/server/chat/sweep-stale-presence';
import type { Actor } from '@/server/context';
import type { BusEvent } from '@/server/realtime/event-bus';
import { InProcessEventBus } from '@/server/realtime/in-process-event-bus';
import type { FileStorage } from '@/server/storage/file-storage';
import { createCaller } from '@/server/trpc/root';
import { seededRandom, type Random } from './random';
import { startSubscriberChat } from './subscriber-chat';
import { EventQueue, VirtualClock, VirtualScheduler, type SimEvent } from './virtual-time';

type AppCaller = ReturnType<typeof createCaller>;

/** The simulation never uploads files; a call that tries to would be a bug. */
const noFileStorage: FileStorage = {
  put: () => Promise.reject(new Error('the simulation stores no files')),
  has: () => Promise.resolve(false),
  get: () => Promise.reject(new Error('the simulation stores no files')),
  remove: () => Promise.resolve(),
};

/**
 * The app as the simulation drives it: its real tRPC procedures over a real database, with a
 * virtual clock, a scheduler whose timers are events of the simulation's queue, and an
 * in-process bus the simulated consoles listen to.
 */
export interface SimulationWorld {
  db: Db;
  clock: VirtualClock;
  queue: EventQueue;
  scheduler: VirtualScheduler;
  bus: InProcessEventBus;
  callerFor(actor: Actor | null): AppCaller;
}

export function createSimulationWorld(db: Db, start: Date): SimulationWorld {
  const clock = new VirtualClock(start.getTime());
  const queue = new EventQueue();
  const scheduler = new VirtualScheduler(queue);
  const bus = new InProcessEventBus();
  const callers = new Map<string, AppCaller>();
  return {
    db,
    clock,
    queue,
    scheduler,
    bus,
    callerFor(actor) {
      const key = actor?.id ?? '';
      let caller = callers.get(key);
      if (!caller) {
        caller = createCaller({ db, actor, clock, bus, scheduler, storage: noFileStorage, ip: '127.0.0.1', userAgent: 'dealer-desk-simulation', appUrl: 'http://localhost:3000' });
        callers.set(key, caller);
      }
      return caller;
    },
  };
}

/** How the simulated people behave. Times in seconds. */
export interface Behaviour {
  /** Mean handle time (accept → close), exponential. */
  ahtSeconds: number;
  /** Mean handle time of a subscriber's chat; the dealers' by default. */
  subscriberAhtSeconds?: number;
  /** Handle times longer than this are cut (an operator does not keep a chat open all day); none by default. */
  maxHandleSeconds?: number;
  /** Mean time from an offer to the operator's accept, uniform on [0.5, 1.5] × this. */
  reactionSeconds: number;
  /** Mean patience of a waiting dealer, exponential; 0: nobody gives up. */
  patienceSeconds: number;
  /** Added to every dealer's patience (nobody gives up in the first seconds); 0 by default. */
  patienceFloorSeconds?: number;
  /** Share of closed chats the dealer rates. */
  ratingShare: number;
  /**
   * `console`: every `heartbeatSeconds`, as the operator console does (15 s; presence goes stale
   * after 45 s). `when-routing`: only the heartbeats that can matter — just before an event that
   * may offer a chat (an arrival, or anything while chats wait), an available operator whose
   * last heartbeat is older than 30 s sends one. Routing sees the same fresh operators either
   * way; the demo history uses it because a week of 15 s heartbeats costs more than its chats.
   * Use it without the presence sweep (there is nothing for the sweep to find).
   */
  heartbeats: 'console' | 'when-routing';
  heartbeatSeconds: number;
  /** How often the app's presence sweep runs (start-chat-services: 15 s); null: never. */
  sweepSeconds: number | null;
}

export const DEFAULT_BEHAVIOUR: Behaviour = {
  ahtSeconds: 300,
  reactionSeconds: 1,
  patienceSeconds: 0,
  ratingShare: 0.6,
  heartbeats: 'console',
  heartbeatSeconds: 15,
  sweepSeconds: 15,
};

export interface SessionPlan {
  seed: number;
  /** Arrival rate of dealer chats, constant within each piece (a Poisson process whose rate changes by the hour). */
  arrivals: readonly { from: Date; to: Date; perHour: number }[];
  /**
   * Subscribers' chats (class 'subscriber', from the widget): a Poisson process of its own, with
   * its own random streams (a run without them draws exactly as before). Subscribers neither give
   * up nor rate in the simulation.
   */
  subscriberArrivals?: readonly { from: Date; to: Date; perHour: number }[];
  dealers: readonly Actor[];
  /** Each operator goes available at the start of the shift; after its end they finish their chats and go offline. */
  shifts: readonly { operator: Actor; start: Date; end: Date }[];
  behaviour: Behaviour;
  /** Work not done by then is ended: open chats closed by their operator, waiting ones cancelled by the dealer. */
  hardStop?: Date;
}

/** One simulated chat as the simulation saw it (the app's own timestamps are in the database). */
export interface SimulatedChat {
  chatId: string;
  class: 'dealer' | 'subscriber';
  createdAt: number;
  /** When the chat was first offered to an operator (from the bus), if ever. */
  firstOfferAt: number | null;
  /** When the offer that the operator accepted was made. */
  acceptedOfferAt: number | null;
  outcome: 'closed' | 'abandoned' | 'forced';
  handleMs: number;
}

export interface SessionResult {
  chats: SimulatedChat[];
  startedAt: number;
  endedAt: number;
  events: number;
  counters: {
    procedureCalls: number;
    /** Offers that timed out (the operator reacted too late). */
    missedOffers: number;
    /** Accepts refused with CONFLICT (a race lost: the chat was taken or given up first). */
    refusedAccepts: number;
    /** Operators the app set offline because their heartbeat went stale (should be 0). */
    presenceLost: number;
    /** Operators the app set away after missed offers. */
    setAway: number;
    /** Chats still open at the hard stop, closed or cancelled there. */
    forcedEnds: number;
  };
}

const TOPICS = [
  'Заявка на підключення',
  'Не проходить ідентифікація',
  'Питання щодо тарифу',
  'Помилка під час підписання',
  'Перенесення номера',
  'Повернена заявка',
  'Сканування паспорта',
  'Статус заявки',
];

/** Ratings skewed to 4–5, as support chats' ratings usually are. */
const RATINGS = [
  { value: 5, weight: 56 },
  { value: 4, weight: 26 },
  { value: 3, weight: 9 },
  { value: 2, weight: 4 },
  { value: 1, weight: 5 },
];

/** Events whose procedure may offer a chat (a rating, a heartbeat or a shift's end does not). */
const ROUTING_EVENTS = new Set(['arrival', 'accept', 'close', 'patience', 'shift start', 'back from away']);

/** `when-routing` heartbeats: refreshed when older than this (the app's limit is 45 s). */
const LAZY_HEARTBEAT_AGE_MS = 30_000;

/** An operator the app set away (three missed offers) comes back after this. */
const BACK_FROM_AWAY_MS = 30_000;

/** A dealer who waited this long rates a notch lower half of the time. */
const LONG_WAIT_MS = 60_000;

interface ChatState {
  record: SimulatedChat;
  /** The dealer who opened it; null for a subscriber's chat. */
  dealer: Actor | null;
  reactionMs: number;
  rating: { value: number; delayMs: number; lowerIfLongWait: boolean } | null;
  state: 'waiting' | 'active' | 'done';
  operator: OperatorState | null;
  /** When the current offer was made. */
  offerAt: number | null;
  acceptedAt: number | null;
  patience: SimEvent | undefined;
  close: SimEvent | undefined;
}

interface OperatorState {
  actor: Actor;
  caller: AppCaller;
  start: number;
  end: number;
  status: 'offline' | 'available' | 'wrap_up' | 'away';
  shiftOver: boolean;
  active: Set<string>;
  pendingAccepts: Map<string, SimEvent>;
  heartbeat: SimEvent | undefined;
  /** When this operator's presence was last refreshed (a heartbeat or a status change). */
  lastBeat: number;
}

const isConflict = (error: unknown) => error instanceof TRPCError && error.code === 'CONFLICT';

/**
 * Lets whatever an event's work set going without awaiting it finish before the next event (on
 * SQLite every query answers at once, so one turn of the event loop is enough): the next event
 * then sees the same state on every run.
 */
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs one session (a working day, or the whole of a stationary run) as a discrete-event
 * simulation: each event moves the virtual clock to its time and calls the app's procedures as
 * the dealer or operator would, awaited (one event at a time, in order: the run is deterministic
 * though the verbs are async); after each event the offers the app published on the bus are
 * turned into the operators' accepts. Ends when no work is left (every chat closed or
 * abandoned, every operator offline).
 */
export async function runSession(world: SimulationWorld, plan: SessionPlan): Promise<SessionResult> {
  const { clock, queue, bus } = world;
  const b = plan.behaviour;
  const streams = {
    arrivals: seededRandom(plan.seed, 1),
    dealers: seededRandom(plan.seed, 2),
    handle: seededRandom(plan.seed, 3),
    reaction: seededRandom(plan.seed, 4),
    patience: seededRandom(plan.seed, 5),
    rating: seededRandom(plan.seed, 6),
    subscriberArrivals: seededRandom(plan.seed, 7),
    subscriberHandle: seededRandom(plan.seed, 8),
    subscriberReaction: seededRandom(plan.seed, 9),
  } satisfies Record<string, Random>;
  const startedAt = clock.time;
  const counters: SessionResult['counters'] = { procedureCalls: 0, missedOffers: 0, refusedAccepts: 0, presenceLost: 0, setAway: 0, forcedEnds: 0 };
  const chats = new Map<string, ChatState>();
  const records: SimulatedChat[] = [];
  let waiting = 0;
  let events = 0;

  const call = async <T>(promise: Promise<T>): Promise<T> => {
    counters.procedureCalls += 1;
    return promise;
  };

  const operators = plan.shifts.map<OperatorState>((s) => ({
    actor: s.operator,
    caller: world.callerFor(s.operator),
    start: s.start.getTime(),
    end: s.end.getTime(),
    status: 'offline',
    shiftOver: false,
    active: new Set(),
    pendingAccepts: new Map(),
    heartbeat: undefined,
    lastBeat: Number.NEGATIVE_INFINITY,
  }));
  const operatorById = new Map(operators.map((o) => [o.actor.id, o]));

  // What the operators' consoles would receive: offers and their withdrawal, status changes.
  const inbox: BusEvent[] = [];
  const unsubscribe = bus.subscribe((event) => {
    if (event.type === 'chat.offered' || event.type === 'chat.offerWithdrawn' || event.type === 'operator.status') inbox.push(event);
  });

  // ---- arrivals: a Poisson process per class, piecewise constant rate ----
  type Pieces = SessionPlan['arrivals'];
  const usable = (pieces: Pieces) => pieces.filter((p) => p.perHour > 0 && p.to > p.from).sort((x, y) => x.from.getTime() - y.from.getTime());
  const arrivalsEnd = [...usable(plan.arrivals), ...usable(plan.subscriberArrivals ?? [])].reduce((end, p) => Math.max(end, p.to.getTime()), startedAt);
  const arrivalProcess = (pieces: Pieces, random: Random, act: () => Promise<void>) => {
    let piece = 0;
    return (after: number) => {
      let t = after;
      while (piece < pieces.length) {
        const p = pieces[piece];
        if (!p) break;
        t = Math.max(t, p.from.getTime());
        t += random.exponential(3_600_000 / p.perHour);
        // Memoryless: a draw past the end of this piece starts again at the next one.
        if (t < p.to.getTime()) {
          queue.push(t, 'arrival', act);
          return;
        }
        t = p.to.getTime();
        piece += 1;
      }
    };
  };
  const scheduleArrival = arrivalProcess(usable(plan.arrivals), streams.arrivals, () => arrive());
  const scheduleSubscriberArrival = arrivalProcess(usable(plan.subscriberArrivals ?? []), streams.subscriberArrivals, () => arriveSubscriber());

  const arriveSubscriber = async () => {
    let handleMs = streams.subscriberHandle.exponential((b.subscriberAhtSeconds ?? b.ahtSeconds) * 1000);
    if (b.maxHandleSeconds) handleMs = Math.min(handleMs, b.maxHandleSeconds * 1000);
    const reactionMs = streams.subscriberReaction.uniform(0.5, 1.5) * b.reactionSeconds * 1000;
    counters.procedureCalls += 1;
    const { chatId } = await startSubscriberChat(world, null);
    const record: SimulatedChat = { chatId, class: 'subscriber', createdAt: clock.time, firstOfferAt: null, acceptedOfferAt: null, outcome: 'closed', handleMs: Math.round(handleMs) };
    records.push(record);
    chats.set(chatId, { record, dealer: null, reactionMs, rating: null, state: 'waiting', operator: null, offerAt: null, acceptedAt: null, patience: undefined, close: undefined });
    waiting += 1;
    scheduleSubscriberArrival(clock.time);
  };

  const arrive = async () => {
    const dealer = streams.dealers.pick(plan.dealers);
    const topic = streams.dealers.pick(TOPICS);
    let handleMs = streams.handle.exponential(b.ahtSeconds * 1000);
    if (b.maxHandleSeconds) handleMs = Math.min(handleMs, b.maxHandleSeconds * 1000);
    const reactionMs = streams.reaction.uniform(0.5, 1.5) * b.reactionSeconds * 1000;
    const patienceMs = b.patienceSeconds > 0 ? ((b.patienceFloorSeconds ?? 0) + streams.patience.exponential(b.patienceSeconds)) * 1000 : null;
    const rates = streams.rating.chance(b.ratingShare);
    const rating = {
      value: streams.rating.weighted(RATINGS),
      delayMs: streams.rating.uniform(5_000, 90_000),
      lowerIfLongWait: streams.rating.chance(0.5),
    };
    const { chatId } = await call(world.callerFor(dealer).chat.start({ topic }));
    const record: SimulatedChat = { chatId, class: 'dealer', createdAt: clock.time, firstOfferAt: null, acceptedOfferAt: null, outcome: 'closed', handleMs: Math.round(handleMs) };
    records.push(record);
    const chat: ChatState = { record, dealer, reactionMs, rating: rates ? rating : null, state: 'waiting', operator: null, offerAt: null, acceptedAt: null, patience: undefined, close: undefined };
    chats.set(chatId, chat);
    waiting += 1;
    if (patienceMs !== null) chat.patience = queue.push(clock.time + patienceMs, 'patience', () => giveUp(chat));
    scheduleArrival(clock.time);
  };

  const giveUp = async (chat: ChatState) => {
    if (chat.state !== 'waiting' || !chat.dealer) return;
    await call(world.callerFor(chat.dealer).chat.cancel({ chatId: chat.record.chatId }));
    chat.state = 'done';
    chat.record.outcome = 'abandoned';
    waiting -= 1;
    for (const o of operators) {
      queue.cancel(o.pendingAccepts.get(chat.record.chatId));
      o.pendingAccepts.delete(chat.record.chatId);
    }
  };

  const accept = async (operator: OperatorState, chat: ChatState) => {
    operator.pendingAccepts.delete(chat.record.chatId);
    if (chat.state !== 'waiting') return;
    try {
      await call(operator.caller.operator.accept({ chatId: chat.record.chatId }));
    } catch (error) {
      if (!isConflict(error)) throw error;
      counters.refusedAccepts += 1;
      return;
    }
    chat.state = 'active';
    chat.operator = operator;
    chat.record.acceptedOfferAt = chat.offerAt;
    chat.acceptedAt = clock.time;
    waiting -= 1;
    operator.active.add(chat.record.chatId);
    queue.cancel(chat.patience);
    chat.close = queue.push(clock.time + chat.record.handleMs, 'close', () => close(chat));
  };

  const close = async (chat: ChatState) => {
    const operator = chat.operator;
    if (chat.state !== 'active' || !operator) return;
    await call(operator.caller.chat.close({ chatId: chat.record.chatId }));
    chat.state = 'done';
    operator.active.delete(chat.record.chatId);
    const rating = chat.rating;
    if (rating) queue.push(clock.time + rating.delayMs, 'rate', () => rate(chat, rating));
  };

  const rate = async (chat: ChatState, rating: NonNullable<ChatState['rating']>) => {
    if (!chat.dealer) return;
    const waited = (chat.acceptedAt ?? chat.record.createdAt) - chat.record.createdAt;
    const value = waited > LONG_WAIT_MS && rating.lowerIfLongWait ? Math.max(1, rating.value - 1) : rating.value;
    await call(world.callerFor(chat.dealer).chat.rate({ chatId: chat.record.chatId, rating: value }));
  };

  // ---- operators: shifts, heartbeats, leaving ----
  const setStatus = async (operator: OperatorState, status: OperatorState['status']) => {
    await freshen(false);
    await call(operator.caller.operator.setStatus({ status }));
    operator.status = status;
    operator.lastBeat = clock.time;
    if (status === 'offline') queue.cancel(operator.heartbeat);
  };

  const heartbeat = async (operator: OperatorState) => {
    if (operator.status === 'offline') return;
    await call(operator.caller.operator.heartbeat());
    operator.lastBeat = clock.time;
    operator.heartbeat = queue.push(clock.time + b.heartbeatSeconds * 1000, 'heartbeat', () => heartbeat(operator), true);
  };

  /** `when-routing` heartbeats: before an event that may offer a chat, stale available operators beat. */
  const freshen = async (arrival: boolean) => {
    if (b.heartbeats !== 'when-routing' || (!arrival && waiting === 0)) return;
    for (const operator of operators) {
      if (operator.status !== 'available' || clock.time - operator.lastBeat < LAZY_HEARTBEAT_AGE_MS) continue;
      await call(operator.caller.operator.heartbeat());
      operator.lastBeat = clock.time;
    }
  };

  for (const operator of operators) {
    queue.push(operator.start, 'shift start', async () => {
      await setStatus(operator, 'available');
      if (b.heartbeats === 'console') operator.heartbeat = queue.push(clock.time + b.heartbeatSeconds * 1000, 'heartbeat', () => heartbeat(operator), true);
    });
    queue.push(operator.end, 'shift end', () => {
      operator.shiftOver = true;
    });
  }

  /**
   * An operator whose shift is over keeps taking chats until relieved (another operator on shift
   * is available) or until the day's queue is empty; then wrap-up, and offline once their chats
   * are closed.
   */
  const letOperatorsLeave = async () => {
    for (const operator of operators) {
      if (!operator.shiftOver || operator.status === 'offline') continue;
      const busy = operator.active.size > 0 || operator.pendingAccepts.size > 0;
      if (operator.status === 'available' || operator.status === 'away') {
        const relieved = operators.some((o) => o !== operator && !o.shiftOver && o.status === 'available');
        const quiet = clock.time >= arrivalsEnd && waiting === 0;
        if (relieved || quiet) await setStatus(operator, busy ? 'wrap_up' : 'offline');
      } else if (!busy) {
        await setStatus(operator, 'offline');
      }
    }
  };

  /** Offers become accepts after the operator's reaction time; a withdrawn offer cancels its accept. */
  const readInbox = () => {
    while (inbox.length > 0) {
      const event = inbox.shift();
      if (!event) break;
      const operatorId = event.audience.find((r) => r.kind === 'operator')?.userId;
      const operator = operatorId ? operatorById.get(operatorId) : undefined;
      if (event.type === 'operator.status') {
        if (event.payload.reason === 'heartbeat') counters.presenceLost += 1;
        if (event.payload.reason === 'missedOffers' && operator) {
          // Set away by the app after missed offers: the operator notices and comes back a little later.
          counters.setAway += 1;
          operator.status = 'away';
          queue.push(clock.time + BACK_FROM_AWAY_MS, 'back from away', async () => {
            if (operator.status === 'away') await setStatus(operator, 'available');
          });
        }
        continue;
      }
      const chat = event.chatId ? chats.get(event.chatId) : undefined;
      if (!operator || !chat) continue;
      if (event.type === 'chat.offered') {
        const at = event.createdAt.getTime();
        chat.record.firstOfferAt ??= at;
        chat.offerAt = at;
        const pending = queue.push(at + chat.reactionMs, 'accept', () => accept(operator, chat));
        queue.cancel(operator.pendingAccepts.get(chat.record.chatId));
        operator.pendingAccepts.set(chat.record.chatId, pending);
      } else if (event.type === 'chat.offerWithdrawn') {
        if (event.payload.reason === 'expired') counters.missedOffers += 1;
        queue.cancel(operator.pendingAccepts.get(chat.record.chatId));
        operator.pendingAccepts.delete(chat.record.chatId);
      }
    }
  };

  /** The hard stop: whatever is still open is ended now, through the same procedures. */
  const forceEnd = async () => {
    for (const chat of chats.values()) {
      if (chat.state === 'active' && chat.operator) {
        queue.cancel(chat.close);
        await close(chat);
        chat.record.outcome = 'forced';
        counters.forcedEnds += 1;
      } else if (chat.state === 'waiting') {
        queue.cancel(chat.patience);
        await giveUp(chat);
        chat.record.outcome = 'forced';
        counters.forcedEnds += 1;
      }
    }
    readInbox();
    for (const operator of operators) if (operator.status !== 'offline') await setStatus(operator, 'offline');
  };

  const sweep = () => {
    if (b.sweepSeconds === null) return;
    const seconds = b.sweepSeconds;
    const run = async () => {
      await sweepStalePresence({ ctx: { db: world.db, actor: null, clock, bus, scheduler: world.scheduler } });
      queue.push(clock.time + seconds * 1000, 'sweep', run, true);
    };
    queue.push(clock.time + seconds * 1000, 'sweep', run, true);
  };

  scheduleArrival(startedAt);
  scheduleSubscriberArrival(startedAt);
  sweep();
  const hardStop = plan.hardStop?.getTime() ?? Number.POSITIVE_INFINITY;
  try {
    while (queue.pendingWork > 0) {
      const event = queue.pop();
      if (!event) break;
      if (event.at > hardStop) {
        clock.moveTo(Math.max(clock.time, hardStop));
        await forceEnd();
        break;
      }
      clock.moveTo(Math.max(clock.time, event.at));
      events += 1;
      if (ROUTING_EVENTS.has(event.label) || event.label.startsWith('scheduled')) await freshen(event.label === 'arrival');
      await event.act();
      await settled();
      readInbox();
      await letOperatorsLeave();
      readInbox();
    }
  } finally {
    unsubscribe();
  }
  // Recurring events (heartbeats, the sweep) of this session must not run in the next one.
  queue.clear();
  const left = operators.filter((o) => o.status !== 'offline');
  if (left.length > 0 || waiting > 0) throw new Error(`simulation ended with ${waiting} chats waiting and ${left.length} operators online`);
  return { chats: records, startedAt, endedAt: clock.time, events, counters };
}

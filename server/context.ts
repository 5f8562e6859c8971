import type { Db } from '@/db/client';
import type { Role } from '@/db/schema';
import type { EventBus } from '@/server/realtime/event-bus';

/** The signed-in person a verb acts for; loaded fresh from the database on every request. */
export interface Actor {
  id: string;
  name: string;
  email: string;
  role: Role;
  dealerId: string | null;
  pointOfSaleId: string | null;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Runs a task at a time (offer time-outs). Timers are events, not polling; a task re-checks the
 * state it acts on, so a stale or duplicate timer does nothing. A task may return a promise (a verb). Tests use a manual scheduler.
 */
export interface Scheduler {
  at(when: Date, key: string, task: () => unknown): void;
}

/** Everything a domain verb needs, and nothing of HTTP: tests build one with a temp database and a fixed clock. */
export interface VerbContext {
  db: Db;
  actor: Actor | null;
  clock: Clock;
  bus: EventBus;
  scheduler: Scheduler;
}

export interface SignedInContext extends VerbContext {
  actor: Actor;
}

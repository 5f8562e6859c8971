import type { Db } from '@/db/client';
import type { Role } from '@/db/schema';

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

/** Everything a domain verb needs, and nothing of HTTP: tests build one with a temp database and a fixed clock. */
export interface VerbContext {
  db: Db;
  actor: Actor | null;
  clock: Clock;
}

export interface SignedInContext extends VerbContext {
  actor: Actor;
}

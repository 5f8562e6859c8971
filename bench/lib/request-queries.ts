import type { Db } from '../../db/client';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '../../server/context';
import { InProcessEventBus } from '../../server/realtime/in-process-event-bus';
import { listInbox } from '../../server/requests/list-inbox';
import { getRequest } from '../../server/requests/get-request';
import type { RequestContext } from '../../server/requests/request-context';
import type { InboxInput } from '../../server/requests/schemas';
import { LocalFileStorage } from '../../server/storage/file-storage';

/** What bench/requests.ts loaded, for the queries' rotating filter values. */
export interface InboxWorld {
  backoffice: string[];
  numbers: string[];
  msisdns: string[];
  ids: string[];
  categories: string[];
  messages: number;
}

export interface Query {
  name: string;
  /** Runs the query for iteration i, rotating its filter values by i. */
  run: (i: number) => Promise<unknown>;
}

/** The inbox's queries, through the same verbs the back office's procedures call. */
export function inboxQueries(db: Db, world: InboxWorld, now: Date): Query[] {
  const list = listInbox;
  const at = <T>(items: readonly T[], i: number): T => {
    const item = items[i % items.length];
    if (item === undefined) throw new Error('empty rotation');
    return item;
  };
  const storage = new LocalFileStorage(path.join(os.tmpdir(), 'dealer-desk-bench-requests-unused'));
  const ctx = (i: number): RequestContext => {
    const actor: Actor = { id: at(world.backoffice, i), name: 'Бек-офіс', email: 'backoffice@bench.local', role: 'backoffice', dealerId: null, pointOfSaleId: null };
    return { db, actor, clock: { now: () => now }, bus: new InProcessEventBus(), scheduler: { at: () => undefined }, storage, appUrl: 'http://localhost:3000', ip: '127.0.0.1' };
  };
  const inbox = (input: (i: number) => Partial<InboxInput>) => async (i: number) => list({ ctx: ctx(i), input: { limit: 50, offset: 0, ...input(i) } });
  // Numbers and msisdns over the whole year (an old request is looked up as often as a new one).
  const number = (i: number) => at(world.numbers, (i * 7919) % world.numbers.length);
  const msisdn = (i: number) => at(world.msisdns, (i * 104_729) % world.msisdns.length);
  return [
    { name: 'inbox open (default)', run: inbox(() => ({})) },
    { name: 'status new', run: inbox(() => ({ status: ['new'] })) },
    { name: 'status waiting', run: inbox(() => ({ status: ['waiting'] })) },
    { name: 'status resolved', run: inbox(() => ({ status: ['resolved'] })) },
    { name: 'status closed (page 3)', run: inbox(() => ({ status: ['closed'], offset: 100 })) },
    { name: 'category', run: inbox((i) => ({ category: at(world.categories, i) })) },
    { name: 'category + status open', run: inbox((i) => ({ category: at(world.categories, i), status: ['open'] })) },
    { name: 'mine', run: inbox(() => ({ assignee: 'me' })) },
    { name: 'unassigned', run: inbox(() => ({ assignee: 'none' })) },
    { name: 'at risk', run: inbox(() => ({ sla: 'atRisk' })) },
    { name: 'late', run: inbox(() => ({ sla: 'late' })) },
    { name: 'mine + late', run: inbox(() => ({ assignee: 'me', sla: 'late' })) },
    { name: 'search by number', run: inbox((i) => ({ search: number(i) })) },
    { name: 'search by msisdn', run: inbox((i) => ({ search: msisdn(i) })) },
    { name: 'search by msisdn part', run: inbox((i) => ({ search: msisdn(i).slice(-7) })) },
    { name: 'request page (with messages)', run: async (i) => getRequest({ ctx: ctx(i), input: { id: at(world.ids, (i * 7919) % world.ids.length) } }) },
  ];
}

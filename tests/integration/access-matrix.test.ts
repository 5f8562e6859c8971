import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { appRouter } from '@/server/trpc/root';
import { callerFor, createTestDb, seedWorld, validEdrpou } from '../helpers/test-db';

type Who = 'anonymous' | 'dealer' | 'operator' | 'backoffice' | 'admin';
type Outcome = 'ok' | 'UNAUTHORIZED' | 'FORBIDDEN';
const WHO: Who[] = ['anonymous', 'dealer', 'operator', 'backoffice', 'admin'];

const ADMIN_ONLY: Record<Who, Outcome> = {
  anonymous: 'UNAUTHORIZED',
  dealer: 'FORBIDDEN',
  operator: 'FORBIDDEN',
  backoffice: 'FORBIDDEN',
  admin: 'ok',
};
const ANY_SIGNED_IN: Record<Who, Outcome> = { anonymous: 'UNAUTHORIZED', dealer: 'ok', operator: 'ok', backoffice: 'ok', admin: 'ok' };

/**
 * Who may call what, written out by hand (not derived from the routers). A new procedure makes
 * the completeness check below fail until its row is added here.
 */
const EXPECTED: Record<string, Record<Who, Outcome>> = {
  'account.profile': ANY_SIGNED_IN,
  'admin.users.list': ADMIN_ONLY,
  'admin.users.create': ADMIN_ONLY,
  'admin.users.deactivate': ADMIN_ONLY,
  'admin.users.reactivate': ADMIN_ONLY,
  'admin.dealers.list': ADMIN_ONLY,
  'admin.dealers.create': ADMIN_ONLY,
  'admin.dealers.listPointsOfSale': ADMIN_ONLY,
  'admin.dealers.createPointOfSale': ADMIN_ONLY,
};

let db: Db;
let cleanup: () => void;
let world: Awaited<ReturnType<typeof seedWorld>>;
let counter = 0;

/** A valid input for each procedure, fresh per call so creations never collide. */
function validInput(path: string): unknown {
  counter += 1;
  switch (path) {
    case 'admin.users.create':
      return { name: 'Нова Людина', email: `new${counter}@example.com`, password: 'long-enough-1', role: 'operator' };
    case 'admin.users.deactivate':
    case 'admin.users.reactivate':
      return { userId: world.operator2.id };
    case 'admin.dealers.create':
      return { name: `ТОВ «Тест ${counter}»`, edrpou: validEdrpou(4100000 + counter) };
    case 'admin.dealers.createPointOfSale':
      return { dealerId: world.dealer.dealerId, name: `Точка ${counter}`, town: 'Бар', address: 'вул. Соборна, 1' };
    default:
      return undefined;
  }
}

async function call(who: Who, path: string): Promise<Outcome | string> {
  const actor = who === 'anonymous' ? null : world[who];
  const caller = callerFor(db, actor) as unknown as Record<string, unknown>;
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
  try {
    await fn(validInput(path));
    return 'ok';
  } catch (error) {
    if (error instanceof TRPCError) return error.code === 'CONFLICT' ? 'ok' : error.code;
    throw error;
  }
}

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  world = await seedWorld(db);
});
afterAll(() => cleanup());

describe('access matrix', () => {
  it('lists every procedure of the router', () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [path, expected] of Object.entries(EXPECTED)) {
    for (const who of WHO) {
      it(`${path} as ${who} → ${expected[who]}`, async () => {
        expect(await call(who, path)).toBe(expected[who]);
      });
    }
  }
});

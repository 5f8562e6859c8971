import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { cannedReplies, dealers, pointsOfSale, users } from '@/db/schema';
import { verifyAuditChain } from '@/server/audit/verify-audit-chain';
import { loadActiveActor } from '@/server/auth/load-actor';
import { seedDemoData } from '@/server/seed/demo-data';
import { createTestDb, fixedClock } from '../helpers/test-db';

/**
 * The demo seed on its own (the other tests make their worlds with tests/helpers/factories.ts):
 * the accounts the README and the end-to-end tests sign in with exist, each in its place.
 */
let db: Db;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterEach(() => cleanup());

describe('the demo seed', () => {
  it('makes one active account of each role (two dealers, two operators), the dealers at their companies’ points of sale', async () => {
    await seedDemoData({ db, clock: fixedClock() });
    const byEmail = new Map((await db.select().from(users)).map((u) => [u.email, u]));
    const roles = Object.fromEntries([...byEmail].map(([email, u]) => [email, u.role]));
    expect(roles).toEqual({
      'dealer@demo.local': 'dealer',
      'dealer2@demo.local': 'dealer',
      'operator@demo.local': 'operator',
      'operator2@demo.local': 'operator',
      'backoffice@demo.local': 'backoffice',
      'admin@demo.local': 'admin',
    });
    for (const user of byEmail.values()) expect(await loadActiveActor(db, user.id)).not.toBeNull();
    const points = await db.select().from(pointsOfSale);
    for (const email of ['dealer@demo.local', 'dealer2@demo.local']) {
      const dealer = byEmail.get(email);
      expect(points.find((p) => p.id === dealer?.pointOfSaleId)?.dealerId).toBe(dealer?.dealerId);
    }
    expect(byEmail.get('dealer@demo.local')?.dealerId).not.toBe(byEmail.get('dealer2@demo.local')?.dealerId);
    expect(await db.select().from(dealers)).toHaveLength(2);
    expect(points).toHaveLength(3);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('gives operators canned replies for subscribers’ common questions, active, in both languages', async () => {
    await seedDemoData({ db, clock: fixedClock() });
    const replies = await db.select().from(cannedReplies);
    expect(replies.filter((r) => r.scope === 'subscriber').length).toBeGreaterThanOrEqual(5);
    for (const reply of replies) {
      expect(reply.active).toBe(true);
      for (const text of [reply.titleUk, reply.titleEn, reply.bodyUk, reply.bodyEn]) expect(text.trim()).not.toBe('');
      expect(reply.bodyUk).not.toBe(reply.bodyEn);
    }
  });
});

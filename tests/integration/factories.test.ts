import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { verifyAuditChain } from '@/server/audit/verify-audit-chain';
import { makeAdmin, makeBackOfficeUser, makeDealerCompany, makeDealerUser, makeOperator, makePointOfSale, makeWorld } from '../helpers/factories';
import { callerFor, createTestDb } from '../helpers/test-db';

let db: Db;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterEach(() => cleanup());

describe('the test factories', () => {
  it('make each role, a dealer at its own company and point of sale unless one is given', async () => {
    const alone = await makeDealerUser(db);
    const company = await makeDealerCompany(db);
    const point = await makePointOfSale(db, company.id);
    const colleague = await makeDealerUser(db, { pointOfSale: point });
    expect(alone.dealerId).not.toBe(company.id);
    expect(colleague).toMatchObject({ role: 'dealer', dealerId: company.id, pointOfSaleId: point.id });
    expect((await makeOperator(db)).role).toBe('operator');
    expect((await makeBackOfficeUser(db)).role).toBe('backoffice');
    const admin = await makeAdmin(db);
    expect((await callerFor(db, admin).admin.dealers.list()).map((d) => d.id)).toContain(company.id);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('the usual world: two companies (two points and one), a dealer at each, two operators, a back-office employee, an admin', async () => {
    const world = await makeWorld(db);
    expect(world.dealer).toMatchObject({ dealerId: world.companies.first.id, pointOfSaleId: world.points.firstMain.id });
    expect(world.dealer2).toMatchObject({ dealerId: world.companies.second.id, pointOfSaleId: world.points.second.id });
    expect(world.points.firstKiosk.dealerId).toBe(world.companies.first.id);
    expect([world.operator.role, world.operator2.role, world.backoffice.role, world.admin.role]).toEqual(['operator', 'operator', 'backoffice', 'admin']);
  });

  it('are where the tests get their worlds: only the demo seed’s own test uses the demo seed or its accounts', () => {
    // Using the seed is importing it (start-up-imports.test.ts only names the file in the import graph it reads).
    const root = path.resolve(import.meta.dirname, '..');
    const files = fs
      .readdirSync(root, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts'))
      .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
    const coupled = files.filter((file) => !['integration/demo-seed.test.ts', 'integration/factories.test.ts'].includes(file) && /from\s+['"][^'"]*seed\/demo-data['"]|@demo\.local|demo12345/.test(fs.readFileSync(path.join(root, file), 'utf8')));
    expect(coupled).toEqual([]);
  });
});

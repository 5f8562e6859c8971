import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getDb } from '@/server/config/database';
import { users } from '@/db/schema';
import { startUp } from '@/server/system/start-up';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-startup-'));
process.env.DATA_DIR = dataDir;
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('start-up with DEMO=off', () => {
  it('refuses to start an empty database without ADMIN_EMAIL / ADMIN_PASSWORD, and creates nothing', async () => {
    process.env.DEMO = 'off';
    delete process.env.ADMIN_EMAIL;
    delete process.env.ADMIN_PASSWORD;
    await expect(startUp()).rejects.toThrow(/ADMIN_EMAIL and ADMIN_PASSWORD/);
    expect(await getDb().select().from(users)).toEqual([]);
  });

  it('creates only the first admin, with no demo accounts, and does it once', async () => {
    process.env.ADMIN_EMAIL = 'Chief@Operator.ua';
    process.env.ADMIN_PASSWORD = 'a-long-admin-password';
    await startUp();
    await startUp();
    const all = await getDb().select({ email: users.email, role: users.role }).from(users);
    expect(all).toEqual([{ email: 'chief@operator.ua', role: 'admin' }]);
  });

  it('stops with a message naming a bad variable', async () => {
    process.env.DEMO = 'maybe';
    await expect(startUp()).rejects.toThrow(/DEMO/);
    process.env.DEMO = 'off';
  });
});

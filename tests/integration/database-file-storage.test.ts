import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { DatabaseFileStorage } from '@/server/storage/database-file-storage';
import { createTestDb } from '../helpers/test-db';

let db: Db;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterEach(async () => cleanup());

describe('file storage in the database (what several processes share on PostgreSQL)', () => {
  it('never overwrites a key: of two writers exactly one created the file; the bytes come back as stored', async () => {
    const storage = new DatabaseFileStorage(db);
    const bytes = Uint8Array.from([0, 1, 2, 255, 254, 0, 10]);
    const results = await Promise.all([storage.put('scans/a.png', bytes), storage.put('scans/a.png', bytes)]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(await storage.put('scans/a.png', Uint8Array.from([9]))).toEqual({ created: false });
    expect([...(await storage.get('scans/a.png'))]).toEqual([0, 1, 2, 255, 254, 0, 10]);
    expect(await storage.has('scans/a.png')).toBe(true);
    expect(await storage.has('scans/b.png')).toBe(false);
  });

  it('a removed key can be stored again; reading a missing key fails as a missing file does', async () => {
    const storage = new DatabaseFileStorage(db);
    await storage.put('pdf/x.pdf', Buffer.from('%PDF-1.7 first'));
    await storage.remove('pdf/x.pdf');
    expect(await storage.has('pdf/x.pdf')).toBe(false);
    await expect(storage.get('pdf/x.pdf')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await storage.put('pdf/x.pdf', Buffer.from('%PDF-1.7 second'))).toEqual({ created: true });
    expect(Buffer.from(await storage.get('pdf/x.pdf')).toString()).toBe('%PDF-1.7 second');
  });

  it('keeps a view of a larger buffer to its own bytes', async () => {
    const storage = new DatabaseFileStorage(db);
    const whole = Buffer.from('xxxxHELLOyyyy');
    await storage.put('k', whole.subarray(4, 9));
    expect(Buffer.from(await storage.get('k')).toString()).toBe('HELLO');
  });
});

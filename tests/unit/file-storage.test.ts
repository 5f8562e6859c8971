import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalFileStorage } from '@/server/storage/file-storage';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-storage-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('local file storage', () => {
  it('never overwrites a key: of two writers exactly one created the file, and no temporary file stays', async () => {
    const storage = new LocalFileStorage(root);
    const bytes = Buffer.from('the same content');
    const results = await Promise.all([storage.put('a/b.png', bytes), storage.put('a/b.png', bytes)]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(await storage.put('a/b.png', Buffer.from('other'))).toEqual({ created: false });
    expect(Buffer.from(await storage.get('a/b.png')).toString()).toBe('the same content');
    expect(fs.readdirSync(path.join(root, 'a'))).toEqual(['b.png']);
    expect(await storage.has('a/b.png')).toBe(true);
    await storage.remove('a/b.png');
    expect(await storage.has('a/b.png')).toBe(false);
    expect(await storage.put('a/b.png', bytes)).toEqual({ created: true });
  });
});

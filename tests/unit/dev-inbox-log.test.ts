import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '@/server/config/logger';
import { DevInboxChannel, readDevInbox } from '@/server/notifications/dev-inbox-channel';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-dev-inbox-'));
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('the development inbox', () => {
  it('logs a confirmation link masked; the inbox (read by admins) keeps it whole', async () => {
    vi.stubEnv('LOG_LEVEL', 'info');
    const lines: string[] = [];
    const log = createLogger({ level: 'info', destination: { write: (line: string) => lines.push(line) } });
    const printed = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const token = randomBytes(24).toString('base64url');
    const file = path.join(dir, 'inbox.jsonl');
    const text = `Подано заяву SIM-2026-000001. Перегляньте і підтвердьте: http://localhost:3000/s/${token} Якщо це не ви, натисніть там «Це не я».`;

    await new DevInboxChannel(file, log).send({ id: crypto.randomUUID(), channel: 'sms', to: '+380671234567', subject: '', text });

    const output = [...lines, ...printed.mock.calls.flat().map(String)].join('\n');
    expect(output).not.toContain(token);
    expect(output).not.toContain(token.slice(4));
    expect(output).toContain(`http://localhost:3000/s/${token.slice(0, 4)}…`);
    expect(output).toContain('SIM-2026-000001');
    expect(readDevInbox(file)[0]?.text).toBe(text);
  });
});

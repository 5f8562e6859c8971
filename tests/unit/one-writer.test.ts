import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The files of server/ that write a table (insert, update or delete on it). */
function writersOf(table: string): string[] {
  const write = new RegExp(`\\.(insert|update|delete)\\(\\s*${table}\\s*\\)`);
  return sources(path.join(ROOT, 'server'))
    .filter((file) => write.test(fs.readFileSync(file, 'utf8')))
    .map((file) => path.relative(ROOT, file).split(path.sep).join('/'));
}

describe('one writer for each kind of state', () => {
  it('applications change only through the one pipeline: transition() is called only by server/applications/change-application.ts', () => {
    const callers = sources(path.join(ROOT, 'server'))
      .filter((file) => /(?<!function )(?<![\w.])transition\(\s*tx\b/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(ROOT, file).split(path.sep).join('/'));
    expect(callers).toEqual(['server/applications/change-application.ts']);
  });

  it('operator presence is written only by server/chat/operator-presence.ts', () => {
    expect(writersOf('operatorPresence')).toEqual(['server/chat/operator-presence.ts']);
  });

  it('whether an operator is there (a live heartbeat) is judged only in server/chat/operator-presence.ts', () => {
    const judges = sources(path.join(ROOT, 'server'))
      .filter((file) => /heartbeatTimeoutMs/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(ROOT, file).split(path.sep).join('/'));
    expect(judges).toEqual(['server/chat/chat-limits.ts', 'server/chat/operator-presence.ts']);
  });
});

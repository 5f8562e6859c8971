import fs from 'node:fs';
import path from 'node:path';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import uk from '@/messages/uk.json';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`)));
}

function sources(...roots: string[]): string[] {
  return roots.flatMap((root) => {
    const full = path.join(ROOT, root);
    if (fs.statSync(full).isFile()) return [full];
    return fs.readdirSync(full, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f)).map((f) => path.join(full, f));
  });
}

/** Every match of the pattern's first group in the files, with where it was found. */
function found(files: string[], pattern: RegExp): { key: string; where: string }[] {
  return files.flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(pattern)].map((m) => ({ key: m[1] ?? '', where: path.relative(ROOT, file) })));
}

const ukKeys = new Set(keys(uk));
const enKeys = new Set(keys(en));

describe('messages files', () => {
  it('uk.json and en.json have the same keys', () => {
    expect([...ukKeys].filter((k) => !enKeys.has(k)), 'only in uk.json').toEqual([]);
    expect([...enKeys].filter((k) => !ukKeys.has(k)), 'only in en.json').toEqual([]);
  });
});

describe('every message key the server sends is in both messages files', () => {
  // What crosses the wire: DomainError keys, route handlers' jsonError keys, zod's mapped issues (server/trpc/error-mapping.ts).
  const serverFiles = sources('server', 'app/api', 'app/_lib', 'scripts/serve.ts');

  it('the errors.* and validation.* keys written in server/, app/api and the HTTP server', () => {
    const sent = found(serverFiles, /['"`]((?:errors|validation)\.[A-Za-z_]+)['"`]/g);
    expect(sent.length).toBeGreaterThan(50);
    expect(sent.filter(({ key }) => !ukKeys.has(key) || !enKeys.has(key))).toEqual([]);
  });

  it('errors.<code> for every tRPC error code (a TRPCError without a domain key is said by its code)', () => {
    const missing = Object.keys(TRPC_ERROR_CODES_BY_KEY)
      .map((code) => `errors.${code}`)
      .filter((key) => !ukKeys.has(key) || !enKeys.has(key));
    expect(missing).toEqual([]);
  });

  it('the validation keys our zod rules name as their message (e.g. .regex(…, "edrpouFormat"))', () => {
    const rules = found(
      sources('server', 'templates'),
      /(?:\.(?:min|max|regex|refine|length|superRefine)\([^()]*,\s*|\berror: |\bmessage: )'([a-z][A-Za-z_]*)'/g,
    );
    expect(rules.length).toBeGreaterThan(40);
    expect(rules.filter(({ key }) => !ukKeys.has(`validation.${key}`) || !enKeys.has(`validation.${key}`))).toEqual([]);
  });

  it('no translated text crosses the wire: nothing in server/ or app/api names a messageUk', () => {
    expect(found(serverFiles, /(messageUk)\b/g)).toEqual([]);
  });
});

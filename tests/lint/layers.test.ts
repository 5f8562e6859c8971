import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rules of eslint.config.js (docs/architecture.md, "Layers"), shown on snippets linted
 * as if they were files at the given paths: each deliberate violation is reported by the rule
 * that keeps it out, and the correct way passes. The imported modules are the repository's own.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

const LAYER_RULES = ['import-x/no-restricted-paths', 'import-x/no-cycle', 'no-restricted-imports', 'no-restricted-properties', 'no-restricted-syntax'];

async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  const messages = result?.messages ?? [];
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${file} did not parse: ${fatal.message}`);
  return messages.filter((m) => m.ruleId && LAYER_RULES.includes(m.ruleId)).map((m) => m.ruleId ?? '');
}

describe('the linter refuses an arrow that points up', { timeout: 120_000 }, () => {
  it('db/ importing server/ or templates/', async () => {
    expect(await violations('db/schema/example.ts', "import { ROLES } from '../../server/auth/roles';\nexport const roles = ROLES;\n")).toContain('import-x/no-restricted-paths');
    expect(await violations('db/schema/example.ts', "import { TEMPLATES } from '../../templates';\nexport const forms = TEMPLATES;\n")).toContain('import-x/no-restricted-paths');
  });

  it('templates/ importing the database (only db/column-values.ts is theirs to use)', async () => {
    expect(await violations('templates/example.ts', "import { users } from '../db/schema';\nexport const table = users;\n")).toContain('import-x/no-restricted-paths');
  });

  it('a route handler (app/api/**) or a page opening the database', async () => {
    expect(await violations('app/api/example/route.ts', "import { getDb } from '@/server/config/database';\nexport const GET = () => Response.json(getDb() ? 1 : 0);\n")).toContain('import-x/no-restricted-paths');
    expect(await violations('app/api/example/route.ts', "import { users } from '@/db/schema';\nexport const GET = () => Response.json(Object.keys(users));\n")).toContain('no-restricted-imports');
    expect(await violations('app/dealer/example.tsx', "import { getDb } from '@/server/config/database';\nexport const db = getDb;\n")).toContain('import-x/no-restricted-paths');
  });

  it('server/trpc importing server/http, and a domain verb importing either', async () => {
    expect(await violations('server/trpc/example.ts', "import { jsonError } from '@/server/http/limited-body';\nexport const answer = jsonError;\n")).toContain('import-x/no-restricted-paths');
    expect(await violations('server/chat/example.ts', "import { appRouter } from '@/server/trpc/root';\nexport const router = appRouter;\n")).toContain('import-x/no-restricted-paths');
  });

  it('the foundation importing an area (workflow → auth, files → chat)', async () => {
    expect(await violations('server/workflow/example.ts', "import { WORKSPACE_PATH } from '@/server/auth/roles';\nexport const paths = WORKSPACE_PATH;\n")).toContain('import-x/no-restricted-paths');
    expect(await violations('server/files/example.ts', "import { CHAT_LIMITS } from '@/server/chat/chat-config';\nexport const limits = CHAT_LIMITS;\n")).toContain('import-x/no-restricted-paths');
  });

  it('a low area importing a higher one (notifications → subscriber)', async () => {
    expect(await violations('server/notifications/example.ts', "import { viewLink } from '@/server/subscriber/subscriber-link';\nexport const view = viewLink;\n")).toContain('import-x/no-restricted-paths');
  });

  it('server/ loading the simulator', async () => {
    expect(await violations('server/system/example.ts', "import { seedDemoHistory } from '@/simulation/demo-history';\nexport const seed = seedDemoHistory;\n")).toContain('import-x/no-restricted-paths');
  });

  it('an import cycle', async () => {
    // route-waiting-chats.ts imports offer-timeout.ts: offer-timeout importing it back closes a circle.
    expect(await violations('server/chat/offer-timeout.ts', "import { routeWaitingChats } from './route-waiting-chats';\nexport const route = routeWaitingChats;\n")).toContain('import-x/no-cycle');
  });

  it("a table declared with one dialect's builders instead of the column kit", async () => {
    expect(await violations('db/schema/example.ts', "import { sqliteTable, text } from 'drizzle-orm/sqlite-core';\nexport const t = sqliteTable('t', { id: text() });\n")).toContain('no-restricted-imports');
    expect(await violations('db/schema/example.ts', "import { table, text } from './kit';\nexport const t = table('t', { id: text() });\n")).toEqual([]);
  });

  it("a query run with SQLite's synchronous .get(), .all() or .run() (PostgreSQL answers only when awaited)", async () => {
    const query = "import { users } from '@/db/schema';\nimport type { Db } from '@/db/client';\n";
    expect(await violations('server/chat/example.ts', `${query}export const one = (db: Db) => db.select().from(users).get();\n`)).toContain('no-restricted-syntax');
    expect(await violations('server/chat/example.ts', `${query}export const all = (db: Db) => db.select().from(users).all();\n`)).toContain('no-restricted-syntax');
    expect(await violations('scripts/example.ts', `${query}export const wipe = (db: Db) => db.delete(users).run();\n`)).toContain('no-restricted-syntax');
    expect(await violations('tests/integration/example.test.ts', `${query}export const one = (db: Db) => db.select().from(users).get();\n`)).toContain('no-restricted-syntax');
  });

  it("domain code importing one dialect's builders or driver", async () => {
    expect(await violations('server/chat/example.ts', "import { alias } from 'drizzle-orm/sqlite-core';\nexport const a = alias;\n")).toContain('no-restricted-imports');
    expect(await violations('server/chat/example.ts', "import Database from 'better-sqlite3';\nexport const d = Database;\n")).toContain('no-restricted-imports');
    expect(await violations('server/chat/example.ts', "import pg from 'pg';\nexport const p = pg;\n")).toContain('no-restricted-imports');
  });

  it('process.env read outside server/config/', async () => {
    expect(await violations('server/chat/example.ts', 'export const seconds = Number(process.env.CHAT_OFFER_TIMEOUT_SECONDS);\n')).toContain('no-restricted-properties');
    expect(await violations('app/example.ts', "export const url = process['env'].APP_URL;\n")).toContain('no-restricted-syntax');
    expect(await violations('db/example.ts', 'const { env } = process;\nexport const dir = env.DATA_DIR;\n')).toContain('no-restricted-syntax');
  });
});

describe('the correct way passes', { timeout: 120_000 }, () => {
  it('each layer importing the ones below it', async () => {
    expect(await violations('db/schema/example.ts', "import { ROLES } from '../column-values';\nexport const roles = ROLES;\n")).toEqual([]);
    expect(await violations('templates/example.ts', "import { CONFIRMATION_MODES } from '../db/column-values';\nexport const modes = CONFIRMATION_MODES;\n")).toEqual([]);
    expect(await violations('server/workflow/example.ts', "import type { Role } from '@/db/column-values';\nimport { applications } from '@/db/schema';\nexport const table = applications;\nexport type R = Role;\n")).toEqual([]);
    expect(await violations('server/chat/example.ts', "import { applications } from '@/db/schema';\nimport { env } from '@/server/config/env';\nimport { writeAuditEvent } from '@/server/audit/write-audit-event';\nexport const all = [applications, env, writeAuditEvent];\n")).toEqual([]);
    expect(await violations('server/subscriber/example.ts', "import { linkToken } from '@/server/notifications/link-token';\nexport const token = linkToken;\n")).toEqual([]);
    expect(await violations('server/http/example.ts', "import { appRouter } from '@/server/trpc/root';\nexport const router = appRouter;\n")).toEqual([]);
    expect(await violations('app/api/example/route.ts', "import { withSignedIn } from '@/server/http/route-helpers';\nimport { verifyUploadedDocument } from '@/server/signing/verify-document';\nexport const both = [withSignedIn, verifyUploadedDocument];\n")).toEqual([]);
    expect(await violations('app/dealer/example.tsx', "import { serverCaller } from '@/app/_lib/server-caller';\nexport const caller = serverCaller;\n")).toEqual([]);
  });

  it('a query awaited, one row by first(), on either dialect', async () => {
    const code =
      "import { eq } from 'drizzle-orm';\nimport { first, inTransaction, type Db } from '@/db/client';\nimport { users } from '@/db/schema';\n" +
      'export const one = async (db: Db, id: string) => first(db.select().from(users).where(eq(users.id, id)));\n' +
      'export const all = async (db: Db) => await db.select().from(users);\n' +
      'export const off = (db: Db, id: string) => inTransaction(db, async (tx) => { await tx.update(users).set({ active: false }).where(eq(users.id, id)); });\n';
    expect(await violations('server/chat/example.ts', code)).toEqual([]);
  });

  it('configuration read in server/config/, and by scripts and benches', async () => {
    expect(await violations('server/config/example.ts', 'export const dir = process.env.DATA_DIR;\n')).toEqual([]);
    expect(await violations('scripts/example.ts', 'export const port = process.env.PORT;\n')).toEqual([]);
    expect(await violations('bench/example.ts', 'export const seed = process.env.BENCH_SEED;\n')).toEqual([]);
  });

  it('the repository itself', async () => {
    const results = await eslint.lintFiles(['db', 'templates', 'server/workflow', 'server/chat', 'server/http', 'server/trpc/context.ts', 'app/api']);
    const found = results.flatMap((r) => r.messages.filter((m) => m.ruleId && LAYER_RULES.includes(m.ruleId)).map((m) => `${path.relative(ROOT, r.filePath)}: ${m.message}`));
    expect(found).toEqual([]);
  });
});

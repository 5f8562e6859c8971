import path from 'node:path';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const ROOT = import.meta.dirname;

/**
 * The layers, from the top (docs/architecture.md draws them). An import may only point down:
 *   app/ (pages and route handlers) → server/http → server/trpc → server/<area> → server foundation
 *   → server/config, server/errors, server/time → db/ ; templates/ beside db/, above db/column-values.ts.
 */
const FOUNDATION = ['server/context*.ts', 'server/audit', 'server/files', 'server/realtime', 'server/storage', 'server/workflow'];
const BASE = ['server/config', 'server/errors', 'server/time'];
/**
 * The areas (server/<area>/), in tiers from the bottom: an area imports areas of its own tier or
 * below, never above (so notifications never reach into the subscriber's page, chat never into
 * applications). The middle tier's three still call each other; one application pipeline is to
 * untangle them (issue 15).
 */
const AREA_TIERS = [
  ['auth'],
  ['account', 'admin', 'notifications'],
  ['chat', 'seed', 'signing'],
  ['applications', 'backoffice', 'subscriber', 'widget'],
  ['metrics', 'packages'],
  ['system'],
].map((tier) => tier.map((area) => `server/${area}`));
const AREAS = AREA_TIERS.flat();
/** The catalogue of every action's words names each area's actions (types only), so it sits above them. */
const FOUNDATION_FILES = FOUNDATION.flatMap((dir) => (dir.endsWith('.ts') ? [dir] : [`${dir}/**`])).map((glob) => (glob === 'server/audit/**' ? 'server/audit/!(audit-actions).ts' : glob));

export const LAYER_ZONES = [
  { target: 'db/**', from: ['server/**', 'templates/**', 'app/**', 'simulation/**'], message: 'db/ is the bottom layer: it imports nothing of server/, templates/ or app/ (shared values live in db/column-values.ts).' },
  { target: 'templates/**', from: ['server/**', 'app/**', 'simulation/**'], message: 'templates/ (the forms) import nothing of server/ or app/: the UI and the server both use them.' },
  { target: 'templates/**', from: ['db/!(column-values).ts', 'db/*/**'], message: 'templates/ may use db/column-values.ts only, never the database.' },
  { target: 'server/**', from: ['app/**', 'simulation/**'], message: 'server/ never imports app/ or simulation/ (the simulator is a client of the API, handed in where the demo seed needs it).' },
  { target: 'app/**', from: ['simulation/**'], message: 'Pages do not load the simulator.' },
  { target: ['server/!(trpc|http)/**', 'server/*.ts'], from: ['server/trpc/**', 'server/http/**'], message: 'Domain code sits below the adapters: only server/http and app/ import server/trpc, only app/ imports server/http.' },
  { target: 'server/trpc/**', from: ['server/http/**'], message: 'server/http calls server/trpc, never the other way: move what both need below server/trpc.' },
  { target: FOUNDATION_FILES, from: AREAS.map((area) => `${area}/**`), message: 'The foundation (workflow, audit, realtime, files, storage, context) sits below the areas: move the shared piece down.' },
  { target: BASE.map((dir) => `${dir}/**`), from: [...AREAS, ...FOUNDATION].map((dir) => (dir.endsWith('.ts') ? dir : `${dir}/**`)), message: 'server/config, server/errors and server/time import only each other and db/.' },
  ...AREA_TIERS.slice(0, -1).map((tier, i) => ({
    target: tier.map((area) => `${area}/**`),
    from: AREA_TIERS.slice(i + 1).flat().map((area) => `${area}/**`),
    message: `${tier.join(', ')} sit below ${AREA_TIERS.slice(i + 1).flat().join(', ')}: move the shared piece down (docs/architecture.md, "Layers").`,
  })),
  { target: 'app/**', from: ['db/**', 'server/config/database.*'], message: 'Pages and route handlers reach data through a server verb (tRPC, the server caller or server/http), never the database.' },
];

/**
 * A query runs on SQLite or PostgreSQL (db/client.ts): it is awaited, never run with SQLite's
 * synchronous `.get()`, `.all()` or `.run()`.
 */
const SQLITE_ONLY_CALLS = {
  selector: 'CallExpression[arguments.length=0] > MemberExpression.callee[property.name=/^(get|all|run)$/]',
  message: 'SQLite-only: await the query (`await first(query)` for one row; db/client.ts), so it runs on PostgreSQL too.',
};
const PROCESS_ENV_SYNTAX = [
  { selector: "MemberExpression[object.name='process'][computed=true]", message: 'Read configuration from server/config/ (env.ts), not process.env.' },
  { selector: "VariableDeclarator[init.name='process'] > ObjectPattern > Property[key.name='env']", message: 'Read configuration from server/config/ (env.ts), not process.env.' },
];

export default tseslint.config(
  { ignores: ['.next/**', 'node_modules/**', 'data/**', 'db/migrations/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'], tsconfig: { configFile: path.join(ROOT, 'tsconfig.json') } })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: LAYER_ZONES }],
    },
  },
  {
    // Configuration is parsed once, in server/config/ (env.ts validates it); everything else is handed it.
    files: ['app/**/*.{ts,tsx}', 'server/**/*.{ts,tsx,cjs}', 'db/**/*.ts', 'templates/**/*.ts'],
    ignores: ['server/config/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration from server/config/ (env.ts), not process.env.' }],
      'no-restricted-syntax': ['error', ...PROCESS_ENV_SYNTAX, SQLITE_ONLY_CALLS],
    },
  },
  {
    files: ['server/config/**/*.ts', 'scripts/**/*.ts', 'simulation/**/*.ts', 'bench/**/*.ts', 'tests/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', SQLITE_ONLY_CALLS] },
  },
  {
    // Domain code is written for both dialects: a dialect's own builders and drivers stay in db/.
    files: ['server/**/*.ts'],
    ignores: ['server/trpc/routers/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['drizzle-orm/sqlite-core', 'drizzle-orm/pg-core', 'drizzle-orm/better-sqlite3', 'drizzle-orm/node-postgres', 'better-sqlite3', 'pg'], message: 'Write queries for both dialects; what differs lives in db/ (client.ts: alias, first, rawRows, inTransaction).' }] },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Routers are adapters: they call verbs and never touch the database or SQL themselves.
    files: ['server/trpc/routers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/db/*', '@/db', '../**/db/*'], message: 'Routers call domain verbs; database access belongs in server/<domain>/.' },
            { group: ['drizzle-orm', 'drizzle-orm/*', 'better-sqlite3'], message: 'No SQL in routers.' },
          ],
        },
      ],
    },
  },
  {
    // A table is declared once, through the column kit: db/schema-pg/ is the same text built with
    // the PostgreSQL kit (docs/architecture.md, "Two dialects"). A dialect's own builders go in its kit.
    files: ['db/schema/**/*.ts', 'db/schema-pg/**/*.ts'],
    ignores: ['db/schema/kit.ts', 'db/schema-pg/kit.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['drizzle-orm/sqlite-core', 'drizzle-orm/pg-core', 'drizzle-orm/*-core'], message: 'Declare tables with the column kit (./kit), so both dialects get them.' }] },
      ],
    },
  },
  {
    // The UI and pages reach data only through tRPC or the server caller.
    // Route handlers (app/api/**) are pages too.
    files: ['app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/db/*', '@/db', 'drizzle-orm', 'drizzle-orm/*'], message: 'Pages use tRPC or the server caller, never the database.' }] },
      ],
    },
  },
  {
    // CommonJS entry files (the PDF worker's: server/signing/pdf-worker.cjs).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', fetch: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly' } },
  },
);

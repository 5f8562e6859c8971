// Writes db/schema-pg/: every table file of db/schema/ copied as it is, so the PostgreSQL schema is
// the SQLite one declared through db/schema-pg/kit.ts instead of db/schema/kit.ts (docs/architecture.md,
// "Two dialects"). `--check` writes nothing and fails if a copy is missing, stale or extra.
// Run by `npm run db:generate` before drizzle-kit; tests/unit/db-dialects.test.ts checks the copies.
import fs from 'node:fs';
import path from 'node:path';
import { pgSchemaCopies, SCHEMA_PG_DIR } from './lib/pg-schema-copies';

const check = process.argv.includes('--check');
const { expected, stale } = pgSchemaCopies();
if (check) {
  if (stale.length > 0) {
    console.error(`db/schema-pg/ is not a copy of db/schema/ (${stale.join(', ')}): run npm run db:generate`);
    process.exit(1);
  }
} else {
  for (const file of fs.readdirSync(SCHEMA_PG_DIR)) {
    if (file !== 'kit.ts' && file !== 'index.ts' && !expected.has(file)) fs.rmSync(path.join(SCHEMA_PG_DIR, file));
  }
  for (const [file, text] of expected) fs.writeFileSync(path.join(SCHEMA_PG_DIR, file), text);
  console.log(`db/schema-pg/: ${expected.size} files copied from db/schema/`);
}

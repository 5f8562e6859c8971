import { defineConfig } from 'drizzle-kit';

/**
 * The PostgreSQL migrations, generated from db/schema-pg/ (the same declarations as db/schema/,
 * docs/architecture.md "Two dialects"). `npm run db:generate` writes both dialects'; generating
 * needs no database.
 */
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema-pg/tables.ts',
  out: './db/migrations-pg',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://localhost/dealer_desk' },
  casing: 'snake_case',
});

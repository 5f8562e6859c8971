import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema/tables.ts',
  out: './db/migrations',
  dbCredentials: { url: `${process.env.DATA_DIR ?? './data'}/dealer-desk.sqlite` },
  casing: 'snake_case',
});

import { bytes, createdAt, integer, table, text } from './kit';

/**
 * Uploaded files, scans and sealed PDFs when the app runs on PostgreSQL: every process of a
 * cluster reads what another stored (server/storage/database-file-storage.ts). A key names its
 * content and is written once. On SQLite (one process) files stay on disk under DATA_DIR and
 * this table stays empty.
 */
export const storedFiles = table('stored_files', {
  key: text().primaryKey(),
  content: bytes().notNull(),
  size: integer().notNull(),
  createdAt: createdAt(),
});

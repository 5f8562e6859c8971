// Migrates the database (SQLite under DATA_DIR, or PostgreSQL at DATABASE_URL; the server also does this on start).
import { closeDb } from '../db/client';
import { databaseLabel, openDatabase } from '../server/config/database';

const db = await openDatabase();
console.log(`migrated ${databaseLabel()}`);
await closeDb(db);

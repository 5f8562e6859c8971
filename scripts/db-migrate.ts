// Migrates the database under DATA_DIR (the server also does this on start).
import { databaseFile, getDb } from '../server/config/database';

getDb();
console.log(`migrated ${databaseFile()}`);

// Walks the hash-chained audit log; exits 1 and names the first broken event if the chain is broken.
import { closeDb } from '../db/client';
import { databaseLabel, openDatabase } from '../server/config/database';
import { verifyAuditChain } from '../server/audit/verify-audit-chain';

const db = await openDatabase();
const report = await verifyAuditChain(db);
await closeDb(db);
if (report.ok) {
  console.log(`audit chain intact: ${report.events} events in ${databaseLabel()}`);
} else {
  console.error(`audit chain BROKEN at event #${report.brokenAt}: ${report.reason}`);
  process.exit(1);
}

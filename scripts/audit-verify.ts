// Walks the hash-chained audit log; exits 1 and names the first broken event if the chain is broken.
import { databaseFile, getDb } from '../server/config/database';
import { verifyAuditChain } from '../server/audit/verify-audit-chain';

const report = verifyAuditChain(getDb());
if (report.ok) {
  console.log(`audit chain intact: ${report.events} events in ${databaseFile()}`);
} else {
  console.error(`audit chain BROKEN at event #${report.brokenAt}: ${report.reason}`);
  process.exit(1);
}

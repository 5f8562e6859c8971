// Renamed: ESLint's React rules take any use… call for a hook.
import { useDialect as tablesOfDialect } from '@/db/schema';

// Each test file of the PostgreSQL project runs with the tables of PostgreSQL's dialect, from
// before its first import of a table's use (vitest.config.ts, `setupFiles`).
tablesOfDialect('postgres');

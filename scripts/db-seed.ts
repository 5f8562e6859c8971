// Fills an empty database (DATA_DIR or DATABASE_URL) as `npm start` would (demo data, or the first admin with DEMO=off).
import { openDatabase } from '../server/config/database';
import { startUp } from '../server/system/start-up';
import { demoHistory } from '../simulation/load-demo-history';

await openDatabase();
await startUp({ demoHistory });

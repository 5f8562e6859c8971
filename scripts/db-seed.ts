// Fills an empty database under DATA_DIR as `npm start` would (demo data, or the first admin with DEMO=off).
import { startUp } from '../server/system/start-up';

await startUp();

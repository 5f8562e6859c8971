// Fills an empty database under DATA_DIR as `npm start` would (demo data, or the first admin with DEMO=off).
import { startUp } from '../server/system/start-up';
import { demoHistory } from '../simulation/load-demo-history';

await startUp({ demoHistory });

import { buildIfNeeded } from './lib/build-if-needed.mjs';

buildIfNeeded({ force: process.argv.includes('--force') });

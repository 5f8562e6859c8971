// The file each PDF worker thread starts from (server/signing/pdf-pool.ts). Plain CommonJS, so it
// loads as it is wherever the pool runs: under tsx and vitest, and in production, where the pool
// lives inside Next's compiled server bundle. It compiles the TypeScript sources through tsx's
// require hook (the same sources, no separate build), which also resolves the `@/` paths.
require('tsx/cjs');
module.exports = require('./pdf-worker.ts');

import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { dataDir } from '@/server/config/data-dir';
import { env } from '@/server/config/env';
import { logger } from '@/server/config/logger';

/**
 * The key that signs session cookies: BETTER_AUTH_SECRET if set, otherwise one generated on the
 * first run and kept under DATA_DIR (so two instances with different DATA_DIR never share it).
 */
export function authSecret(): string {
  const configured = env().BETTER_AUTH_SECRET;
  if (configured) return configured;
  const file = path.join(dataDir(), 'auth-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir(), { recursive: true });
    const secret = randomBytes(32).toString('hex');
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    logger().warn({ file }, 'BETTER_AUTH_SECRET is not set: generated a session secret under DATA_DIR');
    return secret;
  }
}

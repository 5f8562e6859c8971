import pino from 'pino';
import { env } from './env';

let instance: pino.Logger | undefined;

/** Structured JSON log lines on stdout (pino: fast, maintained, redaction built in). */
export function logger(): pino.Logger {
  instance ??= pino({
    level: env().LOG_LEVEL,
    base: { app: 'dealer-desk' },
    redact: ['password', '*.password', 'token', '*.token', 'headers.cookie'],
  });
  return instance;
}

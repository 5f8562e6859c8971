import pino from 'pino';
import { env } from './env';

let instance: pino.Logger | undefined;

/**
 * A logger with the app's settings (level, redaction); lines go to `destination` if given (tests
 * read them there), else to stdout.
 */
export function createLogger(options: { level?: pino.LevelWithSilent; destination?: pino.DestinationStream } = {}): pino.Logger {
  return pino(
    {
      level: options.level ?? env().LOG_LEVEL,
      base: { app: 'dealer-desk' },
      redact: ['password', '*.password', 'token', '*.token', 'headers.cookie'],
    },
    options.destination,
  );
}

/** Structured JSON log lines on stdout (pino: fast, maintained, redaction built in). */
export function logger(): pino.Logger {
  instance ??= createLogger();
  return instance;
}

import { z } from 'zod';
import { parseBusinessCalendar } from '@/server/time/business-hours';

/** An empty variable counts as unset (its default applies), as `VAR= npm start` means. */
const unsetIfBlank = (value: unknown) => (value === '' ? undefined : value);

/** Comma-separated http(s) origins, normalised (lower case, no path). */
function originList() {
  return z
    .string()
    .default('')
    .transform((value, ctx) => {
      const origins: string[] = [];
      for (const item of value.split(',').map((s) => s.trim()).filter(Boolean)) {
        try {
          const url = new URL(item);
          if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error();
          origins.push(url.origin.toLowerCase());
        } catch {
          ctx.addIssue({ code: 'custom', message: `"${item}" is not an http(s) origin` });
        }
      }
      return origins;
    });
}

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DEMO: z.enum(['on', 'off']).default('on'),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(10, 'ADMIN_PASSWORD must have at least 10 characters').optional(),
  BETTER_AUTH_SECRET: z.string().min(32).optional(),
  APP_URL: z.url().optional(),
  /** E-mail to subscribers through SMTP, e.g. smtp://user:password@mail.example.com:587; unset: the development inbox. */
  SMTP_URL: z.url().optional(),
  SMTP_FROM: z.string().min(3).default('Dealer Desk <no-reply@dealer-desk.local>'),
  /** Key of the subscribers' confirmation links (32+ characters); unset: derived from the session secret. */
  LINK_SECRET: z.string().min(32).optional(),
  /**
   * The waiting period of a sensitive application whose subscriber has no reachable contact (the
   * SIM is lost and there is no other number or e-mail): the back office may approve it once this
   * many hours passed without "this was not me". Default 24.
   */
  NO_CONTACT_WAIT_HOURS: z.coerce.number().min(1, 'at least 1 hour').max(336, 'at most 14 days (the link’s life)').default(24),
  /** Addresses and CIDR ranges of the reverse proxies whose X-Forwarded-* headers are believed; default none. */
  TRUSTED_PROXIES: z.string().default(''),
  /** More origins (besides APP_URL) whose pages may change state, comma-separated, e.g. https://desk2.example.ua. */
  ALLOWED_ORIGINS: originList(),
  /**
   * The pages that may embed the subscriber widget (docs/widget.md), comma-separated origins, e.g.
   * https://www.operator.ua,https://my.operator.ua: the loader's badge request is answered with CORS
   * for them only, and a widget session records which of them it started on. Unset: none besides the app.
   */
  WIDGET_ORIGINS: originList(),
  /** The self-service portal's key for its signed tokens (32+ characters, docs/widget.md); unset: the portal path is off. */
  PORTAL_TOKEN_SECRET: z.preprocess(unsetIfBlank, z.string().min(32, 'PORTAL_TOKEN_SECRET must have at least 32 characters').optional()),
  /** When the subscriber chat is open, Kyiv time, e.g. 'mon-fri 08:00-20:00; sat-sun 09:00-18:00' (server/time/business-hours.ts). */
  BUSINESS_HOURS: z.preprocess(unsetIfBlank, z.string().default('mon-sun 08:00-21:00')),
  /** Days the subscriber chat is closed, comma-separated YYYY-MM-DD. */
  HOLIDAYS: z.string().default(''),
  /** The back office's hours, Kyiv time, on which written requests' promised times run (docs/requests.md); HOLIDAYS apply too. */
  BACKOFFICE_HOURS: z.preprocess(unsetIfBlank, z.string().default('mon-fri 09:00-18:00')),
  /**
   * Where the data lives: unset or a file path, SQLite (unset: DATA_DIR/dealer-desk.sqlite); a
   * postgres:// (or postgresql://) URL, PostgreSQL, e.g. postgres://desk:secret@db.example.ua/dealer_desk.
   */
  DATABASE_URL: z.preprocess(unsetIfBlank, z.string().optional()),
  /** Connections each process keeps to PostgreSQL; default 10. */
  DATABASE_POOL: z.preprocess(unsetIfBlank, z.coerce.number().int().min(2).max(200).default(10)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How long an operator has to accept an offered chat before it goes to the next one, in seconds. */
  CHAT_OFFER_TIMEOUT_SECONDS: z.preprocess(unsetIfBlank, z.coerce.number().positive('must be more than 0').default(10)),
  /** The company's certificate (PKCS#12) that seals signed PDFs; unset: a development seal under DATA_DIR/certs/. */
  SEAL_P12_PATH: z.preprocess(unsetIfBlank, z.string().optional()),
  SEAL_P12_PASSWORD: z.string().default(''),
  /** The company printed in the header of every document. */
  COMPANY_NAME: z.preprocess(unsetIfBlank, z.string().default('ТОВ «Мобільний оператор»')),
  /** PDF worker threads; unset: one fewer than the cores, 1 to 2 (server/signing/pdf-pool.ts). */
  PDF_WORKERS: z.preprocess(unsetIfBlank, z.coerce.number().int().min(1).optional()),
  /** PDF tasks that may wait for a worker before a request is answered "busy, retry". */
  PDF_QUEUE: z.preprocess(unsetIfBlank, z.coerce.number().int().min(1).default(16)),
  /** The PDF worker's entry file (the built server's copy); unset: server/signing/pdf-worker.cjs. */
  PDF_WORKER_FILE: z.preprocess(unsetIfBlank, z.string().optional()),
  /** How much lower than the event loop the PDF workers run: a Linux nice value, 0 (equal) to 19. */
  PDF_WORKER_NICE: z.preprocess(unsetIfBlank, z.coerce.number().int().min(0).max(19).default(10)),
}).superRefine((value, ctx) => {
  try {
    parseBusinessCalendar(value.BUSINESS_HOURS, value.HOLIDAYS);
  } catch (error) {
    ctx.addIssue({ code: 'custom', path: ['BUSINESS_HOURS'], message: error instanceof Error ? error.message : String(error) });
  }
  try {
    parseBusinessCalendar(value.BACKOFFICE_HOURS);
  } catch (error) {
    ctx.addIssue({ code: 'custom', path: ['BACKOFFICE_HOURS'], message: error instanceof Error ? error.message : String(error) });
  }
  // Several processes on one PostgreSQL must share their keys: one generated per process (under
  // its DATA_DIR) would make a session or a link of one process unknown to another. Development
  // and tests (one process) may still let them be generated.
  if (value.NODE_ENV !== 'production' || !/^postgres(ql)?:\/\//.test(value.DATABASE_URL ?? '')) return;
  const shared = { BETTER_AUTH_SECRET: value.BETTER_AUTH_SECRET, SEAL_P12_PATH: value.SEAL_P12_PATH };
  for (const [key, set] of Object.entries(shared)) {
    if (!set) ctx.addIssue({ code: 'custom', path: [key], message: `required in production when DATABASE_URL is PostgreSQL: every app process must use the same one (docs/scaling.md)` });
  }
});

export type Env = z.infer<typeof envSchema>;

const ENV_KEYS = Object.keys(envSchema.shape) as (keyof typeof envSchema.shape)[];
let parsedFor: { fingerprint: string; value: Env } | undefined;

/**
 * The configuration, checked: a bad value stops the app with a message naming the variable.
 * Parsed again only when one of its variables changed (tests stub
 * them at run time): the request path reads settings, and parsing every variable with zod on each
 * request was a measurable share of a chat message's cost.
 */
export function env(): Env {
  const fingerprint = ENV_KEYS.map((key) => process.env[key] ?? '\u0000').join('\u0001');
  if (parsedFor?.fingerprint === fingerprint) return parsedFor.value;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  parsedFor = { fingerprint, value: Object.freeze(parsed.data) };
  return parsedFor.value;
}

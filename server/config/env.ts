import { z } from 'zod';

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
  ALLOWED_ORIGINS: z
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
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

/** Validated environment (read anew on each call; it is small); a bad value stops the app with a message naming the variable. */
export function env(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

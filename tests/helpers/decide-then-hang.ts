/**
 * A back-office process that dies at the worst moment, for
 * tests/integration/kill-between-decision-and-send.test.ts. It approves an application in the
 * given database (a SQLite file or a PostgreSQL URL, as the test's harness names it), prints `DECIDED` and waits to be killed. With `--send` it then also runs the
 * sender, whose channel writes the message to the development inbox (the provider accepted it)
 * and never returns, so the outbox row stays `sending`: it prints `SENT` and waits.
 *
 * Run as `node --import tsx tests/helpers/decide-then-hang.ts --db … --dir … --application … --version …
 * --actor … --now … --inbox … [--send]` from the repository root (tsx resolves `@/` from
 * tsconfig.json there). Not through `npx tsx`: that starts node as a second process, and a
 * SIGKILL to the first one would leave the second running.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDb } from '@/db/client';
import { openPostgres } from '@/db/postgres';
import { chooseDialect } from '@/db/schema';
import { loadActiveActor } from '@/server/auth/load-actor';
import type { NotificationChannel } from '@/server/notifications/channel';
import { DevInboxChannel } from '@/server/notifications/dev-inbox-channel';
import { deliverDue } from '@/server/notifications/notification-sender';
import { InProcessEventBus } from '@/server/realtime/in-process-event-bus';
import { LocalFileStorage } from '@/server/storage/file-storage';
import { createCaller } from '@/server/trpc/root';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string' },
    dir: { type: 'string' },
    application: { type: 'string' },
    version: { type: 'string' },
    actor: { type: 'string' },
    now: { type: 'string' },
    inbox: { type: 'string' },
    send: { type: 'boolean', default: false },
  },
});

function required(name: keyof typeof args): string {
  const value = args[name];
  if (typeof value !== 'string' || !value) throw new Error(`--${name} is required`);
  return value;
}

// Waiting forever: an unresolved promise alone would let node exit.
const keepAlive = () => setInterval(() => undefined, 60_000);

async function main() {
  const url = required('db');
  const postgres = /^postgres(ql)?:\/\//.test(url);
  if (postgres) chooseDialect('postgres');
  const db = postgres ? await openPostgres(url, { max: 2 }) : openDb(url);
  const actor = await loadActiveActor(db, required('actor'));
  if (!actor) throw new Error('the back-office user is missing');
  const at = new Date(required('now'));
  const clock = { now: () => new Date(at) };
  const caller = createCaller({
    db,
    actor,
    clock,
    bus: new InProcessEventBus(),
    scheduler: { at: () => undefined },
    storage: new LocalFileStorage(path.join(required('dir'), 'files')),
    ip: '127.0.0.1',
    userAgent: 'decide-then-hang',
    appUrl: 'http://localhost:3000',
  });

  await caller.backoffice.approve({ applicationId: required('application'), version: Number(required('version')) });
  process.stdout.write('DECIDED\n');
  keepAlive();
  if (!args.send) return;

  const inbox = new DevInboxChannel(required('inbox'));
  const acceptedThenHung: NotificationChannel = {
    async send(message) {
      await inbox.send(message);
      process.stdout.write('SENT\n');
      await new Promise(() => undefined);
    },
  };
  // Never settles (the channel hangs); a failure before that is said, and the test sees no SENT.
  deliverDue({ db, clock, channels: { sms: acceptedThenHung, email: acceptedThenHung } }).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { first } from '@/db/client';
import { auditEvents } from '@/db/schema';
import { DevInboxChannel } from '@/server/notifications/dev-inbox-channel';
import { deliverDue, SENDING } from '@/server/notifications/notification-sender';
import { backOfficeWorld, type BackOfficeWorld } from '../helpers/backoffice-world';

/**
 * "Killing the app between a decision and the notification send, then restarting, delivers the
 * notification exactly once", with real processes: a child process approves in the same database
 * (the same SQLite file, which WAL lets both use, or the same PostgreSQL database) and is
 * SIGKILLed at the worst moment; this process then plays the
 * restarted app. Both share DATA_DIR, so they derive the same confirmation-link tokens.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const CHILD_SCRIPT = path.join(ROOT, 'tests/helpers/decide-then-hang.ts');
/** tsx needs a few seconds to start and compile on a busy machine. */
const LINE_TIMEOUT_MS = 45_000;

let w: BackOfficeWorld;
const children = new Set<ChildProcess>();
beforeEach(async () => {
  w = await backOfficeWorld();
  process.env.DATA_DIR = w.h.dir;
});
afterEach(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
  await w.h.cleanup();
});

/** The back-office app in another process: it approves, prints DECIDED (and with `send`, SENT) and hangs. */
async function startDecider(input: { applicationId: string; send: boolean }) {
  const version = (await w.row(input.applicationId))?.version ?? 0;
  const args = ['--db', w.h.url, '--dir', w.h.dir, '--application', input.applicationId, '--version', String(version), '--actor', w.world.backoffice.id, '--now', w.h.clock.now().toISOString(), '--inbox', w.inboxFile];
  // `node --import tsx`, not `npx tsx`: one process, so the SIGKILL hits the one that decided.
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD_SCRIPT, ...args, ...(input.send ? ['--send'] : [])], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: w.h.dir, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  return {
    /** Resolves when the child has printed `line`; fails if it exits or takes too long. */
    waitFor(line: string): Promise<void> {
      return new Promise((resolve, reject) => {
        const seen = () => stdout.split('\n').includes(line);
        const timer = setTimeout(() => done(new Error(`no ${line} from the child within ${LINE_TIMEOUT_MS} ms; stdout: ${stdout}; stderr: ${stderr}`)), LINE_TIMEOUT_MS);
        const onData = () => seen() && done();
        const onExit = () => done(new Error(`the child exited before ${line}; stdout: ${stdout}; stderr: ${stderr}`));
        function done(error?: Error) {
          clearTimeout(timer);
          child.stdout?.off('data', onData);
          child.off('exit', onExit);
          if (error) reject(error);
          else resolve();
        }
        child.stdout?.on('data', onData);
        child.once('exit', onExit);
        if (seen()) done();
      });
    },
    async kill() {
      child.kill('SIGKILL');
      expect(await exited).toEqual({ code: null, signal: 'SIGKILL' });
    },
  };
}

/** The restarted app's sender, on the same development inbox file. */
const restartedSender = () => {
  const inbox = new DevInboxChannel(w.inboxFile);
  return () => deliverDue({ db: w.h.db, clock: w.h.clock, channels: { sms: inbox, email: inbox } });
};
const nothing = { sent: 0, retried: 0, failed: 0 };

/** A submitted tariff change whose confirmation SMS was delivered; its token, as the subscriber read it. */
async function submittedAndConfirmationSent() {
  const { applicationId, number } = await w.submitted('tariff-change');
  await w.deliver();
  const token = w.tokenFromInbox(number);
  w.h.clock.advance(5 * 60_000);
  return { applicationId, number, token };
}

const decisionRows = async (applicationId: string) => (await w.outbox(applicationId)).filter((n) => n.kind === 'decision');

async function expectDeliveredOnce(input: { applicationId: string; number: string; token: string; attempts: number }) {
  const { applicationId, number, token } = input;
  const decisions = w.inbox().filter((m) => m.text.includes(`Заяву ${number} схвалено`));
  expect(decisions).toHaveLength(1);
  // The child and this process derived the same token: they share DATA_DIR's secret.
  expect(decisions[0]?.text).toContain(`/s/${token}`);
  expect(w.inbox()).toHaveLength(2);
  expect(await decisionRows(applicationId)).toEqual([expect.objectContaining({ status: 'sent', attempts: input.attempts, id: decisions[0]?.id })]);
  expect(await w.row(applicationId)).toMatchObject({ status: 'approved', decidedBy: w.world.backoffice.id });
  const approvals = await first(
    w.h.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, applicationId), eq(auditEvents.action, 'application.approve'))),
  );
  expect(approvals?.n).toBe(1);
}

describe('killed between the decision and the send', () => {
  it('before the sender ran: the restarted app delivers the decision exactly once', { timeout: 90_000 }, async () => {
    const { applicationId, number, token } = await submittedAndConfirmationSent();
    const decider = await startDecider({ applicationId, send: false });
    await decider.waitFor('DECIDED');
    await decider.kill();

    // What the dead process left behind: the decision committed, its notice queued with it.
    expect((await w.row(applicationId))?.status).toBe('approved');
    expect(await decisionRows(applicationId)).toEqual([expect.objectContaining({ status: 'pending', attempts: 0 })]);
    expect(w.inbox()).toHaveLength(1);

    const deliver = restartedSender();
    expect(await deliver()).toEqual({ ...nothing, sent: 1 });
    expect(await deliver()).toEqual(nothing);
    await expectDeliveredOnce({ applicationId, number, token, attempts: 1 });
  });

  it('after the provider accepted but before the row was marked sent: sent again after the lease, in the inbox once', { timeout: 90_000 }, async () => {
    const { applicationId, number, token } = await submittedAndConfirmationSent();
    const decider = await startDecider({ applicationId, send: true });
    await decider.waitFor('SENT');
    await decider.kill();

    expect(await decisionRows(applicationId)).toEqual([expect.objectContaining({ status: 'sending', attempts: 1, nextAttemptAt: new Date(w.h.clock.now().getTime() + SENDING.leaseMs) })]);
    expect(w.inbox().filter((m) => m.text.includes(`Заяву ${number} схвалено`))).toHaveLength(1);

    const deliver = restartedSender();
    // The dead sender's lease still holds.
    expect(await deliver()).toEqual(nothing);
    w.h.clock.advance(SENDING.leaseMs);
    expect(await deliver()).toEqual({ ...nothing, sent: 1 });
    expect(await deliver()).toEqual(nothing);
    await expectDeliveredOnce({ applicationId, number, token, attempts: 2 });
  });
});

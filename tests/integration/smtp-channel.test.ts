import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { first } from '@/db/client';
import { applications, confirmationLinks, notifications } from '@/db/schema';
import { DevInboxChannel } from '@/server/notifications/dev-inbox-channel';
import { backoffMs, deliverDue } from '@/server/notifications/notification-sender';
import { SmtpChannel } from '@/server/notifications/smtp-channel';
import { tokenHash } from '@/server/notifications/link-token';
import { signedApplication } from '../helpers/application-world';
import { backOfficeWorld, type BackOfficeWorld } from '../helpers/backoffice-world';

const FROM = 'Dealer Desk <no-reply@dealer-desk.local>';
const SUBSCRIBER_EMAIL = 'maria.kovalenko@example.com';

interface ReceivedMail {
  mailFrom: string;
  rcptTo: string[];
  raw: string;
}

/** A real SMTP server on a free local port that keeps what it accepts; it can refuse recipients, stop, and start again on the same port. */
class LocalSmtpServer {
  readonly received: ReceivedMail[] = [];
  /** While set, every RCPT TO is answered with 550 and this text. */
  refuseRecipients: string | null = null;
  port = 0;
  private server: SMTPServer | null = null;

  async start(port = this.port): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (_address, _session, callback) => {
        if (this.refuseRecipients) callback(Object.assign(new Error(this.refuseRecipients), { responseCode: 550 }));
        else callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          this.received.push({ mailFrom, rcptTo: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }
}

/** Headers (unfolded, RFC 2047 words decoded, names in lower case) and the decoded text of a single-part message. */
function parseMail(raw: string): { headers: Map<string, string>; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  const body = raw.slice(split + 4);
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  const text = encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : encoding === 'quoted-printable' ? qpBytes(body.replace(/=\r\n/g, '')).toString('utf8') : body;
  return { headers, text: text.replace(/\r\n/g, '\n') };
}

function qpBytes(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const hex = text[i] === '=' ? text.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(text.charCodeAt(i));
  }
  return Buffer.from(bytes);
}

const ENCODED_WORD = /=\?UTF-8\?([BQ])\?([^?]*)\?=/gi;

/** Runs of adjacent encoded words are joined before decoding (a character may be split between two). */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/(?:=\?UTF-8\?[BQ]\?[^?]*\?=)+/gi, (run) =>
      Buffer.concat([...run.matchAll(ENCODED_WORD)].map(([, kind = '', data = '']) => (kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : qpBytes(data.replaceAll('_', ' '))))).toString('utf8'),
    );
}

let smtp: LocalSmtpServer;
let email: SmtpChannel;
beforeEach(async () => {
  smtp = await new LocalSmtpServer().start(0);
  email = new SmtpChannel({ url: smtp.url, from: FROM });
});
afterEach(async () => {
  email.close();
  await smtp.stop();
});

let w: BackOfficeWorld;

const deliver = () => deliverDue({ db: w.h.db, clock: w.h.clock, channels: { sms: new DevInboxChannel(w.inboxFile), email } });
const nothing = { sent: 0, retried: 0, failed: 0 };
/** A submitted eSIM replacement: its form has an e-mail, so the subscriber is told by SMS and by e-mail. */
async function submittedWithEmail() {
  const { applicationId, version } = await signedApplication(w, 'sim-replacement', { number: { msisdn: '067 123 45 67', reason: 'format', simType: 'esim', email: SUBSCRIBER_EMAIL }, contact: {} });
  await w.as(w.world.dealer).application.submit({ applicationId, version, requestId: randomUUID() });
  const number = (await first(w.h.db.select({ number: applications.number }).from(applications).where(eq(applications.id, applicationId))))?.number ?? '';
  const emailRow = (await w.outbox(applicationId)).find((n) => n.channel === 'email');
  if (!emailRow) throw new Error('no e-mail queued');
  return { applicationId, number, emailRow };
}

describe('SmtpChannel', () => {
  it('hands a message to a real SMTP server: envelope, headers and Ukrainian text intact', async () => {
    const id = randomUUID();
    const text = 'Заяву DD-000123 схвалено. Деталі: http://localhost:3000/s/abcdefghijklmnopqrstuvwxyz012345\n\nApplication DD-000123 was approved.';
    await email.send({ id, channel: 'email', to: SUBSCRIBER_EMAIL, subject: 'Заява DD-000123: схвалено / Application DD-000123: approved', text });

    expect(smtp.received).toHaveLength(1);
    const [received] = smtp.received;
    expect(received).toMatchObject({ mailFrom: 'no-reply@dealer-desk.local', rcptTo: [SUBSCRIBER_EMAIL] });
    const mail = parseMail(received?.raw ?? '');
    expect(mail.headers.get('message-id')).toBe(`<${id}@dealer-desk>`);
    expect(mail.headers.get('to')).toBe(SUBSCRIBER_EMAIL);
    expect(mail.headers.get('from')).toBe(FROM);
    expect(mail.headers.get('subject')).toBe('Заява DD-000123: схвалено / Application DD-000123: approved');
    expect(mail.headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8/i);
    expect(mail.text.trimEnd()).toBe(text);
  });

  it('a repeated send reaches the server again with the same Message-ID (SMTP cannot drop a repeat; only the receiver could)', async () => {
    const message = { id: randomUUID(), channel: 'email' as const, to: SUBSCRIBER_EMAIL, subject: 'Test', text: 'Once?' };
    await email.send(message);
    await email.send(message);
    expect(smtp.received.map((r) => parseMail(r.raw).headers.get('message-id'))).toEqual([`<${message.id}@dealer-desk>`, `<${message.id}@dealer-desk>`]);
  });

  it('fails the send when the server refuses the recipient or is gone', async () => {
    const message = { id: randomUUID(), channel: 'email' as const, to: SUBSCRIBER_EMAIL, subject: 'Test', text: 'Hello' };
    smtp.refuseRecipients = 'Mailbox unavailable';
    await expect(email.send(message)).rejects.toThrow(/550 Mailbox unavailable/);
    await smtp.stop();
    await expect(email.send(message)).rejects.toThrow(/ECONNREFUSED/);
    expect(smtp.received).toEqual([]);
  });
});

describe('an e-mail to the subscriber, end to end', () => {
  beforeEach(async () => {
    w = await backOfficeWorld();
    process.env.DATA_DIR = w.h.dir;
  });
  afterEach(() => w.h.cleanup());

  it('a submitted application with an e-mail in its form: one e-mail with its number and the working link, one SMS', async () => {
    const { applicationId, number, emailRow } = await submittedWithEmail();
    expect((await w.outbox(applicationId)).map((n) => [n.channel, n.recipient]).toSorted()).toEqual([
      ['email', SUBSCRIBER_EMAIL],
      ['sms', expect.stringMatching(/671234567$/)],
    ]);
    expect(emailRow.body).toContain('/s/{token}');

    expect(await deliver()).toEqual({ ...nothing, sent: 2 });
    expect(await deliver()).toEqual(nothing);

    expect(smtp.received).toHaveLength(1);
    const [received] = smtp.received;
    expect(received?.rcptTo).toEqual([SUBSCRIBER_EMAIL]);
    const mail = parseMail(received?.raw ?? '');
    expect(mail.headers.get('to')).toBe(SUBSCRIBER_EMAIL);
    expect(mail.headers.get('message-id')).toBe(`<${emailRow.id}@dealer-desk>`);
    expect(mail.headers.get('subject')).toContain(number);
    expect(mail.headers.get('subject')).toBe(emailRow.subject);

    // The e-mail carries its own link (one per recipient, so the back office sees which answered), and it is the link's token.
    expect(w.inbox().map((m) => m.channel)).toEqual(['sms']);
    const token = /http:\/\/localhost:3000\/s\/([A-Za-z0-9_-]{32})/.exec(mail.text)?.[1] ?? '';
    expect(token).not.toBe(w.tokenFromInbox(number));
    expect(mail.text).not.toContain('{token}');
    expect(mail.text).toContain(`Application ${number}`);
    const link = await first(w.h.db.select().from(confirmationLinks).where(eq(confirmationLinks.id, emailRow.linkId ?? '')));
    expect(link?.tokenHash).toBe(tokenHash(token));
    expect(await first(w.h.db.select().from(notifications).where(eq(notifications.id, emailRow.id)))).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('a refused or unreachable server leaves the e-mail pending with the error; it is delivered once the server accepts', async () => {
    const { emailRow } = await submittedWithEmail();
    const row = () => first(w.h.db.select().from(notifications).where(eq(notifications.id, emailRow.id)));

    smtp.refuseRecipients = 'Mailbox unavailable';
    expect(await deliver()).toEqual({ ...nothing, sent: 1, retried: 1 });
    expect(await row()).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringMatching(/550 Mailbox unavailable/) });

    await smtp.stop();
    w.h.clock.advance(backoffMs(1));
    expect(await deliver()).toEqual({ ...nothing, retried: 1 });
    expect(await row()).toMatchObject({ status: 'pending', attempts: 2, lastError: expect.stringMatching(/ECONNREFUSED/) });
    expect(smtp.received).toEqual([]);

    await smtp.start();
    smtp.refuseRecipients = null;
    w.h.clock.advance(backoffMs(2) - 1);
    expect(await deliver()).toEqual(nothing);
    w.h.clock.advance(1);
    expect(await deliver()).toEqual({ ...nothing, sent: 1 });
    expect(await deliver()).toEqual(nothing);
    expect(await row()).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(smtp.received.map((r) => parseMail(r.raw).headers.get('message-id'))).toEqual([`<${emailRow.id}@dealer-desk>`]);
  });
});

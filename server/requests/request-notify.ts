import type { Tx } from '@/db/client';
import { enqueueNotification } from '@/server/notifications/outbox';
import type { RequestRow } from './request-types';

export type RequestNotice = 'submitted' | 'reply' | 'waiting' | 'resolved' | 'merged';

const WHAT: Record<RequestNotice, { uk: string; en: string }> = {
  submitted: { uk: 'прийнято', en: 'received' },
  reply: { uk: 'нова відповідь', en: 'a new reply' },
  waiting: { uk: 'чекаємо на вашу відповідь', en: 'we need your answer' },
  resolved: { uk: 'вирішено', en: 'resolved' },
  merged: { uk: 'об’єднано з іншим зверненням', en: 'merged into another request' },
};

/** A text never carries a link placeholder of its own (the sender fills in only ours). */
const inert = (text: string) => text.replaceAll('{requestToken:', '{ requestToken:');

/**
 * Tells the subscriber through the outbox, exactly once per line (dedupe key: the request and the
 * line's number): an SMS with the private link to a number, an e-mail with the text and the link to
 * an address. Internal notes never come here.
 */
export async function notifySubscriber(tx: Tx, row: RequestRow, notice: { kind: RequestNotice; seq: number; text?: string }, linkBase: string, now: Date): Promise<void> {
  const link = `${linkBase}/r/{requestToken:${row.id}}`;
  const what = WHAT[notice.kind];
  const subject = `Звернення ${row.number} / Request ${row.number}`;
  const base = { dedupeKey: '', applicationId: null, linkId: null, kind: `request.${notice.kind}`, subject };
  if (row.msisdn) {
    await enqueueNotification(tx, { ...base, dedupeKey: `request:${row.id}:${notice.seq}:sms`, channel: 'sms', recipient: row.msisdn, body: `Звернення ${row.number}: ${what.uk}. ${link}` }, now);
  }
  if (row.email) {
    const body = [`Звернення ${row.number}: ${what.uk}.`, notice.text ? `\n${inert(notice.text)}\n` : '', `Переглянути та відповісти: ${link}`, '', `Request ${row.number}: ${what.en}. View and answer: ${link}`].join('\n');
    await enqueueNotification(tx, { ...base, dedupeKey: `request:${row.id}:${notice.seq}:email`, channel: 'email', recipient: row.email, body }, now);
  }
}

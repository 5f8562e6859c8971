import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { first } from '@/db/client';
import { applications, chatMessages } from '@/db/schema';
import { DomainError } from '@/server/errors/domain-error';
import { buildDocumentModel } from '@/server/signing/document-model';
import { createPdfPool, replacePdfPool, type PdfPool } from '@/server/signing/pdf-pool';
import { sampleDocument, scribblePng } from '@/server/signing/sample-document';
import { threadPriority } from '@/server/signing/thread-priority';
import { verifyDocument } from '@/server/signing/verify-document';
import { findTemplate } from '@/templates';
import { say } from '../helpers/say';
import { trpcFailure } from '../helpers/test-db';
import { applicationWorld, verifiedApplication } from '../helpers/application-world';

/**
 * The PDF worker pool (server/signing/pdf-pool.ts): a seal runs on a worker thread, so the event
 * loop answers chats meanwhile; a full pool answers "busy, retry". A gate shared with the worker
 * (`pauseBeforeSeal`) holds a seal in flight for as long as a test needs: ordering, not timing.
 * Were the seal on the event loop, nothing could run while it is held.
 */
let w: Awaited<ReturnType<typeof applicationWorld>>;
let pool: PdfPool | undefined;
let before: PdfPool | undefined;
let gate: Int32Array;

beforeEach(async () => {
  w = await applicationWorld();
  process.env.DATA_DIR = w.h.dir;
  gate = new Int32Array(new SharedArrayBuffer(8));
});
afterEach(async () => {
  release();
  if (pool) await pool.close();
  replacePdfPool(before);
  pool = undefined;
  await w.h.cleanup();
});

function usePool(options: { maxQueue: number }) {
  pool = createPdfPool({ threads: 1, maxQueue: options.maxQueue, pauseBeforeSeal: gate.buffer as SharedArrayBuffer });
  before = replacePdfPool(pool);
  return pool;
}

/** Until `count` seals have begun in the worker (each then waits at the gate). */
async function sealsBegun(count: number) {
  while (Atomics.load(gate, 0) < count) await new Promise((resolve) => setTimeout(resolve, 5));
}

function release() {
  Atomics.store(gate, 1, 1);
  Atomics.notify(gate, 1);
}

const dealer = () => w.as(w.world.dealer).application;
const png = (seed: number, width = 360, height = 120) => Buffer.from(scribblePng(width, height, seed)).toString('base64');

const verifiedSim = () => verifiedApplication(w);

const signatures = (width = 360, height = 120) => [
  { party: 'subscriber', name: 'Коваленко Марія Іванівна', image: png(1, width, height) },
  { party: 'dealer', name: w.world.dealer.name, image: png(2, width, height) },
];

describe('the PDF worker pool', () => {
  it('a chat message is sent and answered while a document is being sealed; the seal then completes and verifies', { timeout: 90_000 }, async () => {
    usePool({ maxQueue: 4 });
    const { applicationId, version } = await verifiedSim();
    const order: string[] = [];
    // A big document: two 2000×800 drawn signatures.
    const signing = dealer()
      .sign({ applicationId, version, signatures: signatures(2000, 800) })
      .then((result) => {
        order.push('signed');
        return result;
      });
    signing.catch(() => undefined); // awaited below; a failing test must not leave it unhandled
    await sealsBegun(1);

    const clientId = crypto.randomUUID();
    await w.as(w.world.dealer).chat.send({ chatId: w.chatId, clientId, text: 'Підписуємо, зачекайте хвилинку' });
    order.push('dealer message sent');
    await w.as(w.world.operator).chat.send({ chatId: w.chatId, clientId: crypto.randomUUID(), text: 'Добре, чекаю' });
    order.push('operator answered');
    expect((await first(w.h.db.select().from(chatMessages).where(eq(chatMessages.clientId, clientId))))?.body).toBe('Підписуємо, зачекайте хвилинку');
    expect((await first(w.h.db.select().from(applications).where(eq(applications.id, applicationId))))?.status).toBe('verified');

    release();
    const signed = await signing;
    expect(order).toEqual(['dealer message sent', 'operator answered', 'signed']);
    expect(signed.status).toBe('signed');
    const app = await first(w.h.db.select().from(applications).where(eq(applications.id, applicationId)));
    const bytes = Buffer.from(await w.h.storage.get(app?.pdfKey ?? ''));
    expect(await verifyDocument(w.h.db, bytes)).toMatchObject({ result: 'authentic', application: { number: app?.number } });
  });

  it('a full pool answers busy, retry at once (TOO_MANY_REQUESTS, in Ukrainian too), writes nothing, and works again once it drains', { timeout: 90_000 }, async () => {
    const small = usePool({ maxQueue: 1 });
    const template = findTemplate('sim-replacement');
    if (!template) throw new Error('sim-replacement');
    const model = buildDocumentModel(sampleDocument(template, { company: 'ТОВ «Мобільний оператор»', verifyUrl: 'http://localhost/verify?a=x', developmentSeal: true }));
    const info = { reason: 'test', location: 'Бар', contact: 'test', signingTime: new Date() };
    const running = small.seal(model, info); // in the worker, held at the gate
    await sealsBegun(1);
    const queued = small.seal(model, info); // waits: the queue (1) is now full

    const third = await small.seal(model, info).catch((error: unknown) => error);
    expect(third).toBeInstanceOf(DomainError);
    expect(third).toMatchObject({ kind: 'too_many', messageKey: 'errors.pdfBusy' });

    const { applicationId, version } = await verifiedSim();
    const error = await trpcFailure(dealer().sign({ applicationId, version, signatures: signatures() }));
    expect(error.code).toBe('TOO_MANY_REQUESTS');
    expect(error.message).toMatch(/busy.*retry/i);
    const { messageRefOf } = await import('@/server/trpc/error-mapping');
    expect(messageRefOf(error)).toEqual({ messageKey: 'errors.pdfBusy', params: {} });
    expect(say(messageRefOf(error), 'uk')).toBe('Сервіс документів зараз зайнятий. Повторіть спробу за кілька секунд.');
    expect(say(messageRefOf(error), 'en')).toBe('The document service is busy right now. Please retry in a few seconds.');
    expect((await first(w.h.db.select().from(applications).where(eq(applications.id, applicationId))))?.status).toBe('verified');
    expect(fs.existsSync(path.join(w.h.dir, 'files', 'pdfs'))).toBe(false);

    release();
    await Promise.all([running, queued]);
    const signed = await dealer().sign({ applicationId, version, signatures: signatures() });
    expect(signed.status).toBe('signed');
  });

  it('/api/verify answers 429 busy, retry (with retry-after, in Ukrainian too) when the pool is full', { timeout: 90_000 }, async () => {
    const small = usePool({ maxQueue: 1 });
    const { applicationId, version } = await verifiedSim();
    const signing = dealer().sign({ applicationId, version, signatures: signatures() });
    signing.catch(() => undefined);
    await sealsBegun(1); // the one worker holds this seal
    const queued = small.checkPng(scribblePng(360, 120, 3)); // and the queue (1) is full

    const { POST } = await import('@/app/api/verify/route');
    const form = new FormData();
    form.set('file', new File([Buffer.from('%PDF-1.7\n%%EOF\n')], 'a.pdf', { type: 'application/pdf' }));
    const response = await POST(new Request('http://localhost/api/verify', { method: 'POST', body: form }));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('5');
    const { error } = await response.json();
    expect(error).toMatchObject({ code: 'TOO_MANY_REQUESTS', messageKey: 'errors.pdfBusy', params: {} });
    expect(say(error, 'uk')).toBe('Сервіс документів зараз зайнятий. Повторіть спробу за кілька секунд.');

    release();
    expect((await queued).ok).toBe(true);
    expect((await signing).status).toBe('signed');
  });
  it('its workers run below the event loop: their nice value is the configured one, the main thread keeps its own', { timeout: 60_000 }, async () => {
    const mainBefore = threadPriority();
    pool = createPdfPool({ threads: 1, maxQueue: 1, niceness: 7 });
    before = replacePdfPool(pool);
    expect(await pool.priority()).toBe(Math.max(7, mainBefore ?? 0));
    expect(threadPriority()).toBe(mainBefore);
  });
});

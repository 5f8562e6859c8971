import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@/server/context';
import { latestEventId, storedEventsAfter } from '@/server/realtime/audience';
import type { InProcessEventBus } from '@/server/realtime/in-process-event-bus';
import { streamEvents, type StreamedEvent } from '@/server/realtime/stream-events';
import { idCardIdentification } from '../helpers/application-world';
import { chatWorld, type ChatWorld } from '../helpers/chat-world';
import { trpcFailure } from '../helpers/test-db';

let w: ChatWorld;
let chatId: string;

beforeEach(async () => {
  w = await chatWorld();
  await w.online(w.world.operator);
  ({ chatId } = await w.as(w.world.dealer).chat.start({}));
  await w.as(w.world.operator).operator.accept({ chatId });
});
afterEach(() => w.h.cleanup());

/** Opens a stream and collects stored events until `count` have arrived (or a short time passed). */
async function collect(actor: Actor, lastEventId: number | null, count: number, during?: () => Promise<void>): Promise<StreamedEvent[]> {
  const controller = new AbortController();
  const got: StreamedEvent[] = [];
  const stream = streamEvents({ db: w.h.db, bus: w.h.bus, actor, lastEventId, signal: controller.signal });
  const reading = (async () => {
    for await (const item of stream) {
      if (item.event.id !== null) got.push(item);
      if (got.length >= count) break;
    }
  })();
  await new Promise((r) => setTimeout(r, 10));
  await during?.();
  const timeout = setTimeout(() => controller.abort(), 500);
  await Promise.race([reading, new Promise((r) => setTimeout(r, 600))]);
  clearTimeout(timeout);
  controller.abort();
  return got;
}

const send = (actor: Actor, text: string) => w.as(actor).chat.send({ chatId, clientId: crypto.randomUUID(), text });

describe('realtime feed', () => {
  it('resuming with a last event id returns exactly the missed events, in order, then live ones', async () => {
    const first = await collect(w.world.dealer, 0, 100);
    const lastSeen = first.at(-1)?.resumeId ?? 0;
    const sent = [];
    for (const text of ['один', 'два', 'три']) sent.push(await send(w.world.operator, text));

    const resumed = await collect(w.world.dealer, lastSeen, 4, async () => {
      sent.push(await send(w.world.operator, 'чотири'));
    });
    const messages = resumed.flatMap((e) => (e.event.type === 'chat.message' ? [e.event.payload.message.body] : []));
    expect(messages).toEqual(['один', 'два', 'три', 'чотири']);
    const ids = resumed.map((e) => e.event.id ?? 0);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id > lastSeen)).toBe(true);
  });

  it('another dealer company receives nothing of the chat; the operator receives it', async () => {
    await send(w.world.dealer, 'секрет');
    const other = await collect(w.world.dealer2, 0, 100);
    expect(other.filter((e) => e.event.chatId === chatId)).toEqual([]);
    const operator = await collect(w.world.operator, 0, 100);
    expect(operator.some((e) => e.event.type === 'chat.message' && e.event.payload.message.body === 'секрет')).toBe(true);
    const operator2 = await collect(w.world.operator2, 0, 100);
    expect(operator2.some((e) => e.event.type === 'chat.message')).toBe(false);
  });

  it('a rolled-back change publishes nothing: a stream open before it gets no event of it, and then the next change', async () => {
    // A change that emits before it fails: the package's first application is identified (its
    // update is emitted), then the second, cancelled, refuses — and the whole transaction rolls back.
    const pkg = w.as(w.world.operator).package;
    const made = await pkg.create({
      kind: 'legal-entity',
      company: {
        company: { name: 'ТОВ «Агро-Поділля»', edrpou: '34000003', legalAddress: 'м. Бар, вул. Соборна, 1', iban: 'UA213223130000026007233566001' },
        authority: { poaNumber: '15/2026', poaDate: '2026-01-15', poaValidUntil: '2026-12-31' },
        representative: { name: 'Шевченко Петро Олегович', position: 'менеджер' },
      },
      items: [
        { templateId: 'legal-entity-numbers', formData: {} },
        { templateId: 'legal-entity-tariff-change', formData: {} },
      ],
    });
    await pkg.send({ packageId: made.packageId, chatId });
    const { applicationIds } = await w.as(w.world.dealer).package.open({ packageId: made.packageId });
    await w.as(w.world.dealer).application.cancel({ applicationId: applicationIds[1] ?? '' });

    // The dealer's stream is open (listening on the bus) before either call.
    const bus = w.h.bus as InProcessEventBus;
    const listening = bus.listenerCount;
    const controller = new AbortController();
    const got: StreamedEvent[] = [];
    const reading = (async () => {
      for await (const item of streamEvents({ db: w.h.db, bus, actor: w.world.dealer, lastEventId: null, signal: controller.signal })) {
        got.push(item);
        if (item.event.type === 'chat.message' && item.event.payload.message.body === 'після') break;
      }
    })();
    while (bus.listenerCount === listening) await new Promise((resolve) => setImmediate(resolve));
    const watermark = await latestEventId(w.h.db);

    const refused = await trpcFailure(w.as(w.world.dealer).package.identify({ packageId: made.packageId, values: idCardIdentification() }));
    expect(refused.code).toBe('CONFLICT');
    await send(w.world.operator, 'після');
    // The stream ends when the message arrives; the abort only bounds a broken run.
    const bound = setTimeout(() => controller.abort(), 2000);
    await reading;
    clearTimeout(bound);
    controller.abort();

    // Stored: only the message. Delivered: exactly that — no event at all of the rolled-back change.
    const stored = await storedEventsAfter(w.h.db, w.world.dealer, watermark);
    expect(stored.map((e) => e.type)).toEqual(['chat.message']);
    expect(got.map((e) => e.event)).toEqual(stored);
  });
});

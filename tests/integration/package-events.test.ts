import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@/server/context';
import { streamEvents, type StreamedEvent } from '@/server/realtime/stream-events';
import { applicationWorld } from '../helpers/application-world';

let w: Awaited<ReturnType<typeof applicationWorld>>;
beforeEach(async () => {
  w = await applicationWorld();
  process.env.DATA_DIR = w.h.dir;
});
afterEach(() => w.h.cleanup());

const COMPANY = {
  company: { name: 'ТОВ «Агро-Поділля»', edrpou: '34000003', legalAddress: 'м. Бар, вул. Соборна, 1', iban: 'UA213223130000026007233566001' },
  authority: { poaNumber: '15/2026', poaDate: '2026-01-15', poaValidUntil: '2026-12-31' },
  representative: { name: 'Шевченко Петро Олегович', position: 'менеджер' },
};
type Item = { templateId: string; formData: Record<string, Record<string, unknown>> };
const ITEMS: Item[] = [
  { templateId: 'legal-entity-numbers', formData: { numbers: { lines: [{ msisdn: '067 111 22 33', tariff: 'business-5' }] } } },
  { templateId: 'legal-entity-tariff-change', formData: { tariff: { effective: 'next-period' } } },
];

/** The stored events an actor's feed delivers while `during` runs. */
async function delivered(actor: Actor, during: () => Promise<unknown>): Promise<StreamedEvent[]> {
  const controller = new AbortController();
  const got: StreamedEvent[] = [];
  const stream = streamEvents({ db: w.h.db, bus: w.h.bus, actor, lastEventId: null, signal: controller.signal });
  const reading = (async () => {
    for await (const item of stream) if (item.event.id !== null) got.push(item);
  })().catch(() => undefined);
  await new Promise((r) => setTimeout(r, 20));
  await during();
  await new Promise((r) => setTimeout(r, 200));
  controller.abort();
  await Promise.race([reading, new Promise((r) => setTimeout(r, 300))]);
  return got;
}

describe('applications made from a package, live', () => {
  it('the chat’s operator receives an application.created event for each application the dealer’s opening makes; another dealer company none', async () => {
    const made = await w.as(w.world.operator).package.create({ kind: 'legal-entity', company: COMPANY, items: ITEMS });
    await w.as(w.world.operator).package.send({ packageId: made.packageId, chatId: w.chatId });
    let applicationIds: string[] = [];
    const open = async () => {
      ({ applicationIds } = await w.as(w.world.dealer).package.open({ packageId: made.packageId }));
    };
    const toOperator = await delivered(w.world.operator, open);
    const created = toOperator.filter((e) => e.event.type === 'application.created');
    expect(created.map((e) => (e.event.type === 'application.created' ? e.event.payload.applicationId : null))).toEqual(applicationIds);
    expect(created.every((e) => e.event.type === 'application.created' && e.event.payload.packageId === made.packageId && e.event.payload.status === 'draft')).toBe(true);
    expect(applicationIds).toHaveLength(2);

    const toOtherDealer = await delivered(w.world.dealer2, async () => {
      await w.as(w.world.operator).package.create({ kind: 'legal-entity', company: COMPANY, items: ITEMS });
    });
    expect(toOtherDealer.filter((e) => e.event.type === 'application.created')).toEqual([]);
  });

  it('an application made in the chat is announced the same way', async () => {
    let applicationId = '';
    const toOperator = await delivered(w.world.operator, async () => {
      ({ applicationId } = await w.as(w.world.dealer).application.create({ chatId: w.chatId, templateId: 'tariff-change' }));
    });
    expect(toOperator.flatMap((e) => (e.event.type === 'application.created' ? [e.event.payload.applicationId] : []))).toEqual([applicationId]);
  });
});

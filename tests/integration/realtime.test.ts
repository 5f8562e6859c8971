import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@/server/context';
import { streamEvents, type StreamedEvent } from '@/server/realtime/stream-events';
import { chatWorld, type ChatWorld } from '../helpers/chat-world';

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
    const messages = resumed.filter((e) => e.event.type === 'chat.message').map((e) => (e.event.payload.message as { body: string }).body);
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
    expect(operator.some((e) => (e.event.payload.message as { body?: string } | undefined)?.body === 'секрет')).toBe(true);
    const operator2 = await collect(w.world.operator2, 0, 100);
    expect(operator2.some((e) => e.event.type === 'chat.message')).toBe(false);
  });

  it('a rolled-back change publishes nothing', async () => {
    const before = await collect(w.world.dealer, 0, 1000);
    await w.as(w.world.operator).chat.close({ chatId });
    await expect(w.as(w.world.operator).chat.close({ chatId })).rejects.toMatchObject({ code: 'CONFLICT' });
    const after = await collect(w.world.dealer, before.at(-1)?.resumeId ?? 0, 1000);
    expect(after.filter((e) => e.event.type === 'chat.status' && e.event.payload.status === 'closed')).toHaveLength(1);
  });
});

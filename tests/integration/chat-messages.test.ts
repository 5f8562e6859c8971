import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inTransaction } from '@/db/client';
import { moveChat } from '@/server/chat/chat-transitions';
import { chatWorld, type ChatWorld } from '../helpers/chat-world';
import { trpcFailure } from '../helpers/test-db';

let w: ChatWorld;
let chatId: string;

beforeEach(async () => {
  w = await chatWorld();
  await w.online(w.world.operator);
  ({ chatId } = await w.as(w.world.dealer).chat.start({ topic: 'Тариф' }));
  await w.as(w.world.operator).operator.accept({ chatId });
});
afterEach(() => w.h.cleanup());

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

describe('messages', () => {
  it('go both ways, numbered in order, with a system message when the operator joined', async () => {
    await w.as(w.world.dealer).chat.send({ chatId, clientId: crypto.randomUUID(), text: 'Добрий день! Абонент хоче змінити тариф.' });
    await w.as(w.world.operator).chat.send({ chatId, clientId: crypto.randomUUID(), text: 'Вітаю! Який номер?' });
    const seen = await w.as(w.world.dealer).chat.get({ chatId });
    expect(seen.messages.map((m) => [m.seq, m.kind, m.authorRole])).toEqual([
      [1, 'system', null],
      [2, 'text', 'dealer'],
      [3, 'text', 'operator'],
    ]);
    expect(seen.messages[0]?.body).toContain('"joined"');
  });

  it('a retried send with the same client id is stored once', async () => {
    const clientId = crypto.randomUUID();
    const first = await w.as(w.world.dealer).chat.send({ chatId, clientId, text: 'Один раз' });
    const again = await w.as(w.world.dealer).chat.send({ chatId, clientId, text: 'Один раз' });
    expect(again.id).toBe(first.id);
    expect((await w.messageCount(chatId))).toBe(2);
  });

  it('refuses empty and 4,001-character messages with BAD_REQUEST and stores nothing', async () => {
    const before = await w.messageCount(chatId);
    expect(await codeOf(w.as(w.world.dealer).chat.send({ chatId, clientId: crypto.randomUUID(), text: '   ' }))).toBe('BAD_REQUEST');
    expect(await codeOf(w.as(w.world.dealer).chat.send({ chatId, clientId: crypto.randomUUID(), text: 'я'.repeat(4001) }))).toBe('BAD_REQUEST');
    expect(await codeOf(w.as(w.world.dealer).chat.send({ chatId, clientId: crypto.randomUUID(), text: 'я'.repeat(4000) }))).toBe('ok');
    expect((await w.messageCount(chatId))).toBe(before + 1);
  });

  it('keeps HTML as text', async () => {
    const message = await w.as(w.world.dealer).chat.send({ chatId, clientId: crypto.randomUUID(), text: '<img src=x onerror=alert(1)>' });
    expect(message.body).toBe('<img src=x onerror=alert(1)>');
  });

  it('a message to a closed chat is a CONFLICT and is not stored', async () => {
    await w.as(w.world.operator).chat.close({ chatId });
    const before = await w.messageCount(chatId);
    expect(await codeOf(w.as(w.world.dealer).chat.send({ chatId, clientId: crypto.randomUUID(), text: 'Ще питання' }))).toBe('CONFLICT');
    expect((await w.messageCount(chatId))).toBe(before);
  });

  it('a chat in a wrong state and a chat changed meanwhile are different conflicts', async () => {
    const seen = await w.chat(chatId);
    await w.as(w.world.operator).chat.close({ chatId });
    const wrongState = await trpcFailure(w.as(w.world.dealer).chat.close({ chatId }));
    expect(wrongState.cause).toMatchObject({ kind: 'conflict', messageKey: 'errors.wrongState', details: { status: 'closed' } });
    // A close that read the chat while it was active, and writes after the other close (as a second server would).
    const lostRace = () => inTransaction(w.h.db, (tx) => moveChat(tx, seen, 'close', w.world.dealer, { closedAt: w.h.clock.now() }, w.h.clock.now()));
    await expect(lostRace()).rejects.toThrow(expect.objectContaining({ kind: 'conflict', messageKey: 'errors.changedMeanwhile', details: expect.objectContaining({ status: 'closed' }) }));
  });

  it('another dealer company and another operator cannot read or write the chat', async () => {
    expect(await codeOf(w.as(w.world.dealer2).chat.get({ chatId }))).toBe('NOT_FOUND');
    expect(await codeOf(w.as(w.world.dealer2).chat.send({ chatId, clientId: crypto.randomUUID(), text: 'Чужий' }))).toBe('NOT_FOUND');
    expect(await codeOf(w.as(w.world.operator2).chat.get({ chatId }))).toBe('NOT_FOUND');
    expect(await codeOf(w.as(w.world.operator2).chat.send({ chatId, clientId: crypto.randomUUID(), text: 'Чужий' }))).toBe('NOT_FOUND');
    expect(await codeOf(w.as(w.world.operator2).chat.close({ chatId }))).toBe('NOT_FOUND');
    expect((await w.as(w.world.dealer2).chat.list()).map((c) => c.id)).not.toContain(chatId);
    expect(await codeOf(w.as(w.world.admin).chat.get({ chatId }))).toBe('ok');
    expect(await codeOf(w.as(w.world.admin).chat.send({ chatId, clientId: crypto.randomUUID(), text: 'Адмін' }))).toBe('FORBIDDEN');
  });

  it('read receipts and unread counters', async () => {
    await w.as(w.world.dealer).chat.send({ chatId, clientId: crypto.randomUUID(), text: 'Перше' });
    await w.as(w.world.dealer).chat.send({ chatId, clientId: crypto.randomUUID(), text: 'Друге' });
    const console1 = await w.as(w.world.operator).operator.console();
    expect(console1.chats.find((c) => c.id === chatId)?.unread).toBe(2);
    await w.as(w.world.operator).chat.markRead({ chatId, seq: 3 });
    expect((await w.as(w.world.operator).operator.console()).chats.find((c) => c.id === chatId)?.unread).toBe(0);
    expect((await w.as(w.world.dealer).chat.get({ chatId })).readByOther).toBe(3);
    await w.as(w.world.operator).chat.markRead({ chatId, seq: 1 }); // never moves back
    expect((await w.as(w.world.dealer).chat.get({ chatId })).readByOther).toBe(3);
  });
});

describe('transfer, close, rating, cancel', () => {
  it('transfers to another operator with a note the dealer does not see', async () => {
    await w.online(w.world.operator2);
    await w.as(w.world.operator).operator.transfer({ chatId, toOperatorId: w.world.operator2.id, note: 'Абонент просить тариф «Безлім»' });
    expect((await w.chat(chatId)).operatorId).toBe(w.world.operator2.id);
    const operatorView = await w.as(w.world.operator2).chat.get({ chatId });
    expect(operatorView.messages.map((m) => m.kind)).toEqual(['system', 'note', 'system']);
    const dealerView = await w.as(w.world.dealer).chat.get({ chatId });
    expect(dealerView.messages.map((m) => m.kind)).toEqual(['system', 'system']);
    expect(await codeOf(w.as(w.world.operator).chat.get({ chatId }))).toBe('NOT_FOUND');
  });

  it('cannot transfer to an operator who is offline', async () => {
    expect(await codeOf(w.as(w.world.operator).operator.transfer({ chatId, toOperatorId: w.world.operator2.id, note: '' }))).toBe('NOT_FOUND');
    await w.as(w.world.operator2).operator.setStatus({ status: 'offline' });
    expect(await codeOf(w.as(w.world.operator).operator.transfer({ chatId, toOperatorId: w.world.operator2.id, note: '' }))).toBe('CONFLICT');
  });

  it('the dealer rates a closed chat once, 1 to 5', async () => {
    expect(await codeOf(w.as(w.world.dealer).chat.rate({ chatId, rating: 5 }))).toBe('CONFLICT'); // still active
    await w.as(w.world.operator).chat.close({ chatId });
    expect(await codeOf(w.as(w.world.dealer).chat.rate({ chatId, rating: 6 }))).toBe('BAD_REQUEST');
    expect(await codeOf(w.as(w.world.dealer).chat.rate({ chatId, rating: 4, comment: 'Швидко і ввічливо' }))).toBe('ok');
    expect(await codeOf(w.as(w.world.dealer).chat.rate({ chatId, rating: 1 }))).toBe('CONFLICT');
    expect(await w.chat(chatId)).toMatchObject({ rating: 4, ratingComment: 'Швидко і ввічливо' });
    expect(await codeOf(w.as(w.world.dealer2).chat.rate({ chatId, rating: 1 }))).toBe('NOT_FOUND');
  });

  it('a dealer who stops waiting leaves an abandoned chat', async () => {
    const waiting = await w.as(w.world.dealer).chat.start({});
    await w.as(w.world.dealer).chat.cancel({ chatId: waiting.chatId });
    expect(await w.chat(waiting.chatId)).toMatchObject({ status: 'abandoned', offeredTo: null });
    expect(await codeOf(w.as(w.world.dealer).chat.cancel({ chatId: waiting.chatId }))).toBe('CONFLICT');
  });

  it('the transcript has every message in order', async () => {
    await w.as(w.world.dealer).chat.send({ chatId, clientId: crypto.randomUUID(), text: 'Питання' });
    await w.as(w.world.operator).chat.close({ chatId });
    const { chatTranscript } = await import('@/server/chat/chat-transcript');
    const { text } = await chatTranscript({ ctx: { ...w.h, actor: w.world.dealer }, input: { chatId, locale: 'uk' } });
    const operator = w.world.operator.name;
    expect(text).toMatch(new RegExp(`${operator} приєднується до чату[\\s\\S]*${w.world.dealer.name}: Питання[\\s\\S]*${operator} завершує чат`));
  });
});

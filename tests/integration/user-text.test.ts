import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { first } from '@/db/client';
import { applications, chatMessages, chats, identifications } from '@/db/schema';
import { fieldErrorsOf } from '@/server/trpc/error-mapping';
import { say } from '../helpers/say';
import { trpcFailure } from '../helpers/test-db';
import { applicationWorld, bookletIdentification } from '../helpers/application-world';

// Text typed by people reaches the database only without control characters (NUL, ESC…) and
// without the invisible bidi overrides that make "‮gpj.exe" read as "exe.jpg".
let w: Awaited<ReturnType<typeof applicationWorld>>;
beforeEach(async () => {
  w = await applicationWorld();
});
afterEach(() => w.h.cleanup());

const dealer = () => w.as(w.world.dealer);
const texts = async (chatId: string) => (await w.h.db.select({ body: chatMessages.body }).from(chatMessages).where(eq(chatMessages.chatId, chatId)).orderBy(asc(chatMessages.seq))).map((m) => m.body);
const applicationRow = (id: string) => first(w.h.db.select().from(applications).where(eq(applications.id, id)));

/** The field errors of a refused call, in both languages. */
async function refused(promise: Promise<unknown>) {
  const error = await trpcFailure(promise);
  expect(error.code).toBe('BAD_REQUEST');
  expect(error.cause).toBeInstanceOf(ZodError);
  return fieldErrorsOf(error.cause as ZodError);
}

describe('chat messages', () => {
  it('a message with a NUL byte is refused in both languages and not stored', async () => {
    const before = await texts(w.chatId);
    const errors = await refused(dealer().chat.send({ chatId: w.chatId, clientId: crypto.randomUUID(), text: 'hello\u0000world' }));
    expect(errors).toEqual([{ path: 'text', messageKey: 'validation.controlCharacters', params: {} }]);
    expect(say(errors[0], 'uk')).toBe('Текст містить керувальні символи; видаліть їх.');
    expect(say(errors[0], 'en')).toBe('The text contains control characters; remove them.');
    const escape = await refused(dealer().chat.send({ chatId: w.chatId, clientId: crypto.randomUUID(), text: 'bell\u0007 and \u001b[31mred' }));
    expect(escape[0]?.path).toBe('text');
    expect(await texts(w.chatId)).toEqual(before);
    expect((await texts(w.chatId)).join('')).not.toContain('\u0000');
  });

  it('keeps line breaks (CRLF as LF) and tabs, drops bidi overrides and zero-width spaces, keeps emoji joiners', async () => {
    const sent = await dealer().chat.send({ chatId: w.chatId, clientId: crypto.randomUUID(), text: 'рядок 1\r\nрядок\t2\u202Eexe.jpg\u200B 👩\u200D💻' });
    expect(sent.body).toBe('рядок 1\nрядок\t2exe.jpg 👩\u200D💻');
    expect(await texts(w.chatId)).toContain('рядок 1\nрядок\t2exe.jpg 👩\u200D💻');
  });

  it('a topic is one line: line breaks become spaces, a NUL is refused', async () => {
    await w.as(w.world.operator).chat.close({ chatId: w.chatId });
    await refused(dealer().chat.start({ topic: 'SIM\u0000' }));
    const { chatId } = await dealer().chat.start({ topic: 'Заміна\nSIM\u2067' });
    expect((await first(w.h.db.select({ topic: chats.topic }).from(chats).where(eq(chats.id, chatId))))?.topic).toBe('Заміна SIM');
  });
});

describe('form fields and identification', () => {
  it('a draft field with a NUL byte is refused and nothing is stored', async () => {
    const { applicationId } = await dealer().application.create({ chatId: w.chatId, templateId: 'sim-replacement' });
    const before = await applicationRow(applicationId);
    const errors = await refused(dealer().application.saveDraft({ applicationId, formData: { number: { iccid: '89380012345\u000067890123' } } }));
    expect(errors.map((e) => e.path)).toEqual(['number.iccid']);
    expect(await applicationRow(applicationId)).toEqual(before);
  });

  it('a multi-line field keeps its line breaks on completion and loses the bidi override', async () => {
    const { applicationId } = await dealer().application.create({ chatId: w.chatId, templateId: 'contract-termination' });
    await dealer().application.saveIdentification({ applicationId, party: 'subscriber', values: bookletIdentification() });
    const formData = { termination: { msisdn: '0671234567', terminationDate: '2026-12-01', reason: 'other', reasonText: 'переїзд\u0000', refund: 'none' } };
    const errors = await refused(dealer().application.complete({ applicationId, formData }));
    expect(errors.map((e) => e.path)).toEqual(['termination.reasonText']);
    formData.termination.reasonText = 'переїзд\r\nза кордон\u202E';
    await dealer().application.complete({ applicationId, formData });
    expect((await applicationRow(applicationId))?.formData.termination?.reasonText).toBe('переїзд\nза кордон');
  });

  it('identification: a NUL in the name is refused; a bidi override is dropped; the name is NFC', async () => {
    const { applicationId } = await dealer().application.create({ chatId: w.chatId, templateId: 'sim-replacement' });
    const errors = await refused(dealer().application.saveIdentification({ applicationId, party: 'subscriber', values: bookletIdentification({ fullName: 'Коваленко\u0000 Марія' }) }));
    expect(errors.map((e) => e.path)).toEqual(['values.fullName']);
    const escape = await refused(dealer().application.saveIdentification({ applicationId, party: 'subscriber', values: bookletIdentification({ issuer: 'РВ\u001bУМВС' }) }));
    expect(escape.map((e) => e.path)).toEqual(['values.issuer']);
    expect(await w.h.db.select().from(identifications)).toHaveLength(0);

    // "й" typed as и + combining breve is stored composed.
    await dealer().application.saveIdentification({ applicationId, party: 'subscriber', values: bookletIdentification({ fullName: '\u202EКоваленко Андріи\u0306\nМарія', issuer: 'Барським РВ\u2066 УМВС' }) });
    const stored = (await first(w.h.db.select().from(identifications)))?.values;
    expect(stored?.fullName).toBe('Коваленко Андрій Марія');
    expect(stored?.issuer).toBe('Барським РВ УМВС');
  });
});

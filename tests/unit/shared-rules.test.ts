import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kyivToday } from '@/app/admin/dashboard/period';
import { CHAT_LIMITS as configLimits } from '@/server/chat/chat-config';
import { CHAT_LIMITS } from '@/server/chat/chat-limits';
import { rateChatInput, startChatInput, transferChatInput } from '@/server/chat/schemas';
import { kyivDate } from '@/server/time/kyiv';
import { COMPANY_FORM } from '@/templates/legal-entity';
import { formSchema } from '@/templates/schema-from-template';

/**
 * The rules the browser checks before the server does come from one module each, shared by both:
 * the Kyiv day (server/time/kyiv.ts), the company's form (templates/legal-entity.ts), the chat's
 * limits (server/chat/chat-limits.ts). A copy written again in app/ is what this refuses.
 */

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

describe('one source for the rules the client shares with the server', () => {
  it('no Kyiv-day formatter of its own in app/: the day comes from server/time/kyiv', () => {
    const copies = sources('app').filter((file) => /new Intl\.DateTimeFormat\([^)]*Europe\/Kyiv/.test(fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(copies).toEqual([]);
    expect(kyivToday(new Date('2026-06-30T21:30:00Z'))).toBe(kyivDate(new Date('2026-06-30T21:30:00Z')));
    expect(kyivToday(new Date('2026-06-30T21:30:00Z'))).toBe('2026-07-01');
  });

  it('the company form is a typed template: no cast to TemplateDef anywhere', () => {
    const casts = [...sources('app'), ...sources('server'), ...sources('templates')].filter((file) => fs.readFileSync(path.join(ROOT, file), 'utf8').includes('as unknown as TemplateDef'));
    expect(casts).toEqual([]);
    const schema = formSchema(COMPANY_FORM, { applicationDate: '2026-03-01' });
    const company = { name: 'ТОВ «Приклад»', edrpou: '32855961', legalAddress: 'м. Київ, вул. Хрещатик, 1', iban: 'UA213223130000026007233566001' };
    const authority = { poaNumber: '12', poaDate: '2026-01-10', poaValidUntil: '2026-12-31' };
    expect(schema.safeParse({ company, authority }).success).toBe(true);
    expect(schema.safeParse({ company: { ...company, edrpou: '32855962' }, authority }).success).toBe(false);
    expect(schema.safeParse({ company, authority: { ...authority, poaValidUntil: '2026-02-01' } }).success).toBe(false);
  });

  it('the chat limits the browser uses are the ones the server checks', () => {
    expect(configLimits).toBe(CHAT_LIMITS);
    const text = (n: number) => 'а'.repeat(n);
    const chatId = '6f1f0c36-1b8f-4d7e-9b65-0a3d2f9c1e01';
    expect(startChatInput.safeParse({ topic: text(CHAT_LIMITS.maxTopicLength) }).success).toBe(true);
    expect(startChatInput.safeParse({ topic: text(CHAT_LIMITS.maxTopicLength + 1) }).success).toBe(false);
    expect(rateChatInput.safeParse({ chatId, rating: 5, comment: text(CHAT_LIMITS.maxRatingComment + 1) }).success).toBe(false);
    expect(transferChatInput.safeParse({ chatId, toOperatorId: chatId, note: text(CHAT_LIMITS.maxTransferNote) }).success).toBe(true);
    expect(transferChatInput.safeParse({ chatId, toOperatorId: chatId, note: text(CHAT_LIMITS.maxTransferNote + 1) }).success).toBe(false);
    const copies = sources('app').filter((file) => /10 \* 1024 \* 1024|maxLength=\{(200|1000)\}/.test(fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(copies).toEqual([]);
  });
});

import { TRPCError } from '@trpc/server';
import { count } from 'drizzle-orm';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { first } from '@/db/client';
import { attachments } from '@/db/schema';
import { readAttachment } from '@/server/chat/read-attachment';
import { uploadAttachment } from '@/server/chat/upload-attachment';
import type { Actor } from '@/server/context';
import { chatWorld, type ChatWorld } from '../helpers/chat-world';
import { verbContext } from '../helpers/test-db';

// A real 1×1 PNG and the start of a real PDF and Windows executable.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(126), Buffer.from('PE\0\0'), Buffer.alloc(200)]);

let w: ChatWorld;
let chatId: string;
beforeEach(async () => {
  w = await chatWorld();
  await w.online(w.world.operator);
  ({ chatId } = await w.as(w.world.dealer).chat.start({}));
  await w.as(w.world.operator).operator.accept({ chatId });
});
afterEach(() => w.h.cleanup());

const upload = (actor: Actor, fileName: string, bytes: Uint8Array, clientId: string = crypto.randomUUID()) =>
  uploadAttachment({ ctx: { ...verbContext(w.h, actor), storage: w.h.storage }, input: { chatId, clientId, fileName, bytes } });

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as Error & { kind?: string; messageKey?: string };
  }
  throw new Error('expected a failure');
}

const storedFiles = () => {
  const root = path.join(w.h.dir, 'files');
  return fs.existsSync(root) ? fs.readdirSync(root, { recursive: true }).filter((f) => String(f).includes('.')) : [];
};

describe('attachments', () => {
  it('stores a photo with its sha256, shows it in the chat, and serves it to the participants', async () => {
    const message = await upload(w.world.operator, 'паспорт.png', PNG);
    expect(message).toMatchObject({ kind: 'attachment', attachment: { mime: 'image/png', size: PNG.length, fileName: 'паспорт.png' } });
    const row = await first(w.h.db.select().from(attachments));
    expect(row?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const asDealer = await readAttachment({ ctx: { ...verbContext(w.h, w.world.dealer), storage: w.h.storage }, input: { attachmentId: message.attachment?.id ?? '' } });
    expect(Buffer.from(asDealer.bytes).equals(PNG)).toBe(true);
  });

  it('judges the type by the bytes: a PDF named .jpg is a PDF; an .exe renamed .jpg is refused and not stored', async () => {
    const pdf = await upload(w.world.dealer, 'scan.jpg', PDF);
    expect(pdf.attachment).toMatchObject({ mime: 'application/pdf', fileName: 'scan.jpg.pdf' });
    const before = (await first(w.h.db.select({ n: count() }).from(attachments)))?.n;
    const error = await failure(upload(w.world.dealer, 'photo.jpg', EXE));
    expect(error.messageKey).toBe('errors.fileType');
    expect((await first(w.h.db.select({ n: count() }).from(attachments)))?.n).toBe(before);
    expect(storedFiles()).toHaveLength(1);
  });

  it('refuses an 11 MB file', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(11 * 1024 * 1024)]);
    const error = await failure(upload(w.world.dealer, 'big.png', big));
    expect(error.messageKey).toBe('errors.fileTooLarge');
    expect(storedFiles()).toHaveLength(0);
  });

  it('a retried upload with the same client id is stored once', async () => {
    const clientId = crypto.randomUUID();
    const a = await upload(w.world.dealer, 'a.png', PNG, clientId);
    const b = await upload(w.world.dealer, 'a.png', PNG, clientId);
    expect(b.id).toBe(a.id);
    expect((await first(w.h.db.select({ n: count() }).from(attachments)))?.n).toBe(1);
  });

  it('another dealer company cannot upload to the chat or download its attachment', async () => {
    const message = await upload(w.world.operator, 'doc.png', PNG);
    expect((await failure(upload(w.world.dealer2, 'x.png', PNG))).kind).toBe('not_found');
    const denied = await failure(readAttachment({ ctx: { ...verbContext(w.h, w.world.dealer2), storage: w.h.storage }, input: { attachmentId: message.attachment?.id ?? '' } }));
    expect(denied.kind).toBe('not_found');
    const otherOperator = await failure(readAttachment({ ctx: { ...verbContext(w.h, w.world.operator2), storage: w.h.storage }, input: { attachmentId: message.attachment?.id ?? '' } }));
    expect(otherOperator.kind).toBe('not_found');
  });

  it('no file to a closed chat', async () => {
    await w.as(w.world.operator).chat.close({ chatId });
    const error = await failure(upload(w.world.dealer, 'late.png', PNG));
    expect(error).not.toBeInstanceOf(TRPCError);
    expect(error.kind).toBe('conflict');
  });
});

import { eq } from 'drizzle-orm';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER } from '@/server/http/client-address';
import { getDb } from '@/server/config/database';
import { first, inTransaction } from '@/db/client';
import { attachments, chatMessages } from '@/db/schema';
import { makeWorld, TEST_PASSWORD } from '../helpers/factories';
import { callerFor } from '../helpers/test-db';

// The real upload and download routes on a real SQLite file under a temporary DATA_DIR: a file's
// name is stored and served without the right-to-left override that made "photo‮gpj.exe" read
// as "photoexe.jpg".
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-file-names-'));
process.env.DATA_DIR = dataDir;
const { POST: authPost } = await import('@/app/api/auth/[...all]/route');
const { POST: uploadToChat } = await import('@/app/api/chats/[chatId]/attachments/route');
const { POST: uploadScan } = await import('@/app/api/applications/[applicationId]/scans/route');
const { GET: download } = await import('@/app/api/attachments/[attachmentId]/route');

const BASE = 'http://localhost:3999';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const RLO = '\u202E';

let cookie: string;
let chatId: string;
let applicationId: string;

beforeAll(async () => {
  const world = await makeWorld(getDb());
  await callerFor(getDb(), world.operator).operator.setStatus({ status: 'available' });
  ({ chatId } = await callerFor(getDb(), world.dealer).chat.start({}));
  await callerFor(getDb(), world.operator).operator.accept({ chatId });
  ({ applicationId } = await callerFor(getDb(), world.dealer).application.create({ chatId, templateId: 'sim-replacement' }));
  const signIn = await authPost(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE, [CLIENT_ADDRESS_HEADER]: '10.9.9.9' },
      body: JSON.stringify({ email: world.dealer.email, password: TEST_PASSWORD }),
    }),
  );
  cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function multipart(fileName: string) {
  const form = new FormData();
  form.set('file', new File([PNG], fileName, { type: 'image/png' }));
  form.set('clientId', crypto.randomUUID());
  return { method: 'POST', headers: { cookie }, body: form };
}

/** The name a browser saves the download under (RFC 6266: filename* wins), and the raw header. */
async function served(attachmentId: string) {
  const response = await download(new Request(`${BASE}/api/attachments/${attachmentId}?download=1`, { headers: { cookie } }), { params: Promise.resolve({ attachmentId }) });
  expect(response.status).toBe(200);
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(header)?.[1] ?? '';
  return { header, name: decodeURIComponent(encoded), fallback: /filename="([^"]*)"/.exec(header)?.[1] };
}

describe('file names with bidi controls', () => {
  it('a chat attachment named photo‮gpj.exe is stored, shown and served without the override', async () => {
    const response = await uploadToChat(new Request(`${BASE}/api/chats/${chatId}/attachments`, multipart(`photo${RLO}gpj.exe`)), { params: Promise.resolve({ chatId }) });
    expect(response.status).toBe(201);
    const { message } = (await response.json()) as { message: { body: string; attachment: { id: string; fileName: string } } };
    expect(message.attachment.fileName).toBe('photogpj.exe.png');
    expect(message.body).toBe('photogpj.exe.png');
    const row = await first(getDb().select().from(attachments).where(eq(attachments.id, message.attachment.id)));
    expect(row?.fileName).toBe('photogpj.exe.png');
    expect((await getDb().select({ body: chatMessages.body }).from(chatMessages)).map((m) => m.body).join('')).not.toContain(RLO);
    const { header, name, fallback } = await served(message.attachment.id);
    expect(name).toBe('photogpj.exe.png');
    expect(fallback).toBe('photogpj.exe.png');
    expect(header).toMatch(/^attachment; /);
    expect(header.toUpperCase()).not.toContain('%E2%80%AE');
  });

  it('a scan for an application likewise', async () => {
    const response = await uploadScan(new Request(`${BASE}/api/applications/${applicationId}/scans`, multipart(`паспорт${RLO}fdp.exe\u0000`)), { params: Promise.resolve({ applicationId }) });
    expect(response.status).toBe(201);
    const { scan } = (await response.json()) as { scan: { id: string; fileName: string } };
    expect(scan.fileName).toBe('паспортfdp.exe.png');
    expect((await served(scan.id)).name).toBe('паспортfdp.exe.png');
  });

  it('a name stored before the fix is served without its override, and with no way out of the header', async () => {
    const row = await first(getDb().select().from(attachments).limit(1));
    await inTransaction(getDb(), (tx) => tx.update(attachments).set({ fileName: `old"; x=1\r\n${RLO}gpj.exe.png` }).where(eq(attachments.id, row?.id ?? '')));
    const { header, name, fallback } = await served(row?.id ?? '');
    expect(name).toBe('old_; x=1gpj.exe.png');
    expect(fallback).toBe('old_; x=1gpj.exe.png');
    expect(header.toUpperCase()).not.toContain('%E2%80%AE');
  });
});

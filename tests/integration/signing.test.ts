import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { first } from '@/db/client';
import { applications, signatures } from '@/db/schema';
import { scribblePng } from '@/server/signing/sample-document';
import { publicApplication } from '@/server/signing/public-application';
import { verifyDocument } from '@/server/signing/verify-document';
import { trpcFailure } from '../helpers/test-db';
import { applicationWorld, verifiedApplication } from '../helpers/application-world';

let w: Awaited<ReturnType<typeof applicationWorld>>;
beforeEach(async () => {
  w = await applicationWorld();
  process.env.DATA_DIR = w.h.dir; // the development seal is generated under the test's DATA_DIR
});
afterEach(() => w.h.cleanup());

const failure = trpcFailure;

const dealer = () => w.as(w.world.dealer).application;
const png = (seed: number) => Buffer.from(scribblePng(360, 120, seed)).toString('base64');
const row = (id: string) => first(w.h.db.select().from(applications).where(eq(applications.id, id)));
const signatureCount = async () => (await first(w.h.db.select({ n: count() }).from(signatures)))?.n;
const pdfFiles = () => {
  const dir = path.join(w.h.dir, 'files', 'pdfs');
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.pdf')) : [];
};

const verifiedSim = () => verifiedApplication(w);

const both = (overrides: Partial<Record<'subscriber' | 'dealer', object>> = {}) => [
  { party: 'subscriber', name: 'Коваленко Марія Іванівна', image: png(1), ...overrides.subscriber },
  { party: 'dealer', name: w.world.dealer.name, image: png(2), ...overrides.dealer },
];

describe('signing and sealing', () => {
  it('seals a PDF whose hash is stored; the verification says authentic, and a changed byte says modified', async () => {
    const { applicationId, version } = await verifiedSim();
    const signed = await dealer().sign({ applicationId, version, signatures: both() });
    expect(signed.status).toBe('signed');
    const app = await row(applicationId);
    expect(app?.pdfSha256).toBe(signed.pdfSha256);
    const bytes = Buffer.from(await w.h.storage.get(app?.pdfKey ?? ''));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(signed.pdfSha256);
    expect(await signatureCount()).toBe(2);

    const result = await verifyDocument(w.h.db, bytes);
    // The tests seal with the generated development certificate: /verify says plainly it is a test seal.
    expect(result).toMatchObject({ result: 'authentic', testSeal: true, application: { number: app?.number, status: 'signed' } });
    expect(JSON.stringify(result)).not.toContain('Коваленко');
    for (const at of [400, Math.floor(bytes.length / 2), bytes.length - 30]) {
      const changed = Buffer.from(bytes);
      changed[at] = (changed[at] ?? 0) ^ 0x01;
      expect((await verifyDocument(w.h.db, changed)).result, `byte ${at}`).not.toBe('authentic');
    }
    // Even a byte in the zero padding of the signature container, outside the signed ranges.
    const contentsEnd = bytes.lastIndexOf('>', bytes.indexOf('/ByteRange')) - 10;
    const padded = Buffer.from(bytes);
    padded[contentsEnd] = '1'.charCodeAt(0);
    expect((await verifyDocument(w.h.db, padded)).result).toBe('modified');
    expect(await publicApplication({ ctx: { db: w.h.db }, input: { applicationId } })).toMatchObject({ number: app?.number, status: 'signed' });
  });

  it('an edit after signing goes back to filled, drops the signatures, and leaves the sealed file untouched', async () => {
    const { applicationId, version } = await verifiedSim();
    await dealer().sign({ applicationId, version, signatures: both() });
    const before = pdfFiles();
    await dealer().saveDraft({ applicationId, formData: { contact: { contactPhone: '050 111 22 33' } } });
    expect(await row(applicationId)).toMatchObject({ status: 'filled', pdfKey: null, pdfSha256: null, verifiedBy: null });
    expect(await signatureCount()).toBe(0);
    expect(pdfFiles()).toEqual(before);
  });

  it('bad input: before verified, a missing party, an empty image, a 5 MB image, not a PNG — clear errors, nothing written', async () => {
    const { applicationId: early } = await dealer().create({ chatId: w.chatId, templateId: 'tariff-change' });
    expect((await failure(dealer().sign({ applicationId: early, version: 1, signatures: both() }))).code).toBe('CONFLICT');

    const { applicationId, version } = await verifiedSim();
    const missing = await failure(dealer().sign({ applicationId, version, signatures: both().slice(0, 1) }));
    expect(missing.code).toBe('BAD_REQUEST');
    expect(missing.message).toContain('dealer');

    const blank = Buffer.alloc(0).toString('base64');
    expect((await failure(dealer().sign({ applicationId, version, signatures: both({ subscriber: { image: blank } }) }))).code).toBe('BAD_REQUEST');
    const notPng = Buffer.from('GIF89a nonsense').toString('base64');
    expect((await failure(dealer().sign({ applicationId, version, signatures: both({ subscriber: { image: notPng } }) }))).code).toBe('BAD_REQUEST');
    const huge = Buffer.alloc(5 * 1024 * 1024, 1).toString('base64');
    expect((await failure(dealer().sign({ applicationId, version, signatures: both({ subscriber: { image: huge } }) }))).code).toBe('BAD_REQUEST');

    expect((await row(applicationId))?.status).toBe('verified');
    expect(await signatureCount()).toBe(0);
    expect(pdfFiles()).toEqual([]);
  });

  it('the typed-name fallback works, and another dealer company cannot sign', async () => {
    const { applicationId, version } = await verifiedSim();
    expect((await failure(w.as(w.world.dealer2).application.sign({ applicationId, version, signatures: both() }))).code).toBe('NOT_FOUND');
    const signed = await dealer().sign({
      applicationId,
      version,
      signatures: [
        { party: 'subscriber', name: 'Коваленко Марія Іванівна', typedName: 'Коваленко М. І.' },
        { party: 'dealer', name: w.world.dealer.name, image: png(3) },
      ],
    });
    expect(signed.status).toBe('signed');
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialectOf, first, rawRows } from '@/db/client';
import { applications, attachments, signatures } from '@/db/schema';
import { uploadScan } from '@/server/applications/upload-scan';
import { readAttachment } from '@/server/chat/read-attachment';
import { uploadAttachment } from '@/server/chat/upload-attachment';
import type { Actor } from '@/server/context';
import { scribblePng } from '@/server/signing/sample-document';
import { verifyDocument } from '@/server/signing/verify-document';
import type { FileStorage } from '@/server/storage/file-storage';
import { applicationWorld, idCardIdentification, signedApplication, verifiedApplication } from '../helpers/application-world';
import { trpcFailure, verbContext } from '../helpers/test-db';

/**
 * Content-addressed files are shared: the same bytes stored by two applications (a dealer's
 * signature drawn once, a scan sent twice) are one file. A failed attempt may remove only what it
 * created itself and nothing references — never another application's file, not even when the
 * other one commits in the middle of the clean-up.
 */

let w: Awaited<ReturnType<typeof applicationWorld>>;
beforeEach(async () => {
  w = await applicationWorld();
  process.env.DATA_DIR = w.h.dir; // the development seal is generated under the test's DATA_DIR
});
afterEach(() => w.h.cleanup());

const png = (seed: number) => Buffer.from(scribblePng(360, 120, seed)).toString('base64');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const filesUnder = (folder: string) => {
  const dir = path.join(w.h.dir, 'files', folder);
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.includes('.')) : [];
};
const stored = (key: string) => fs.existsSync(path.join(w.h.dir, 'files', key));

/**
 * The harness's storage with one-shot hooks: `beforePut` runs before the first put whose key
 * matches, `afterPut` after the next put, `beforeRemove` before the first removal — the moments
 * another request may step in.
 */
function hookStorage() {
  const inner = w.h.storage;
  const hooks: { put?: { match: (key: string) => boolean; act: () => Promise<unknown> }; afterPut?: () => Promise<unknown>; remove?: () => Promise<unknown> } = {};
  const storage = Object.create(inner) as FileStorage;
  storage.put = async (key: string, bytes: Uint8Array) => {
    const hook = hooks.put;
    if (hook?.match(key)) {
      hooks.put = undefined;
      await hook.act();
    }
    const result = await inner.put(key, bytes);
    const after = hooks.afterPut;
    hooks.afterPut = undefined;
    await after?.();
    return result;
  };
  const removed: string[] = [];
  storage.remove = async (key: string) => {
    removed.push(key);
    const hook = hooks.remove;
    hooks.remove = undefined;
    await hook?.();
    return inner.remove(key);
  };
  w.h.storage = storage;
  return {
    removed,
    beforePut(match: (key: string) => boolean, act: () => Promise<unknown>) {
      hooks.put = { match, act };
    },
    afterPut(run: () => Promise<unknown>) {
      hooks.afterPut = run;
    },
    beforeRemove(run: () => Promise<unknown>) {
      hooks.remove = run;
    },
  };
}

const dealerApp = () => w.as(w.world.dealer).application;

/** A trigger that refuses the row of an attachment whose name starts with "fail" ('injected failure'), in the database's dialect. */
async function failInsertsOfScansNamedFail() {
  if (dialectOf(w.h.db) === 'sqlite') {
    w.h.db.$client.exec(`CREATE TRIGGER fail_scan BEFORE INSERT ON attachments WHEN NEW.file_name LIKE 'fail%' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
    return;
  }
  await rawRows(w.h.db, sql.raw(`CREATE FUNCTION fail_scan() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.file_name LIKE 'fail%' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`));
  await rawRows(w.h.db, sql.raw(`CREATE TRIGGER fail_scan BEFORE INSERT ON attachments FOR EACH ROW EXECUTE FUNCTION fail_scan()`));
}

/** The call fails with the trigger's error (on PostgreSQL drizzle says "Failed query: …" and keeps the database's error as the cause). */
async function expectInjectedFailure(call: Promise<unknown>) {
  const error = await call.then(
    () => new Error('expected the call to fail'),
    (failure: unknown) => failure,
  );
  const said = [error, (error as { cause?: unknown }).cause].map((e) => (e instanceof Error ? e.message : ''));
  expect(said.join('\n')).toContain('injected failure');
}

const verifiedSim = () => verifiedApplication(w);

/** The dealer's and the subscriber's drawings, from two seeds. */
const drawings = (subscriber: number, dealer: number) => [
  { party: 'subscriber', name: 'Коваленко Марія Іванівна', image: png(subscriber) },
  { party: 'dealer', name: w.world.dealer.name, image: png(dealer) },
];

/** Y signed with a stale version: refused in its transaction, after its files were written. */
const staleSigning = (y: { applicationId: string; version: number }, seeds: [number, number]) =>
  trpcFailure(dealerApp().sign({ applicationId: y.applicationId, version: y.version - 1, signatures: drawings(...seeds) }));

/** X's signature images and sealed PDF are all on disk, and the PDF verifies as authentic. */
async function expectIntact(applicationId: string) {
  const rows = await w.h.db.select({ imageKey: signatures.imageKey }).from(signatures).where(eq(signatures.applicationId, applicationId));
  expect(rows.length).toBeGreaterThan(0);
  for (const { imageKey } of rows) expect(imageKey && stored(imageKey), `${imageKey}`).toBe(true);
  const app = await first(w.h.db.select().from(applications).where(eq(applications.id, applicationId)));
  const pdf = Buffer.from(await w.h.storage.get(app?.pdfKey ?? ''));
  expect(await verifyDocument(w.h.db, pdf)).toMatchObject({ result: 'authentic', application: { number: app?.number } });
}

describe('a failed attempt removes only what it created and nothing references', () => {
  it('a signing refused for a stale version, with the same signature images, leaves the signed application X its files', async () => {
    const x = await signedApplication(w);
    await expectIntact(x.applicationId);
    const pdfsBefore = filesUnder('pdfs');

    const y = await verifiedSim();
    const { removed } = hookStorage();
    const refused = await staleSigning(y, [1, 2]);
    expect(refused.code).toBe('CONFLICT');
    await expectIntact(x.applicationId);
    // The images were found, not created, by Y's attempt: it does not even touch them.
    expect(removed.filter((key) => key.startsWith('signatures/'))).toEqual([]);
    // Y's own new PDF is gone: nothing references it.
    expect(filesUnder('pdfs')).toEqual(pdfsBefore);
    expect((await first(w.h.db.select().from(applications).where(eq(applications.id, y.applicationId))))?.status).toBe('verified');
  });

  it('a signing whose transaction fails keeps the images another application committed with the same bytes in the middle of the clean-up', async () => {
    const y = await verifiedSim();
    const z = await verifiedSim();
    const both = drawings(5, 6);
    // Y's refused signing has created the images when Z, signed with the same drawings, commits.
    hookStorage().beforeRemove(() => dealerApp().sign({ applicationId: z.applicationId, version: z.version, signatures: both }));
    expect((await staleSigning(y, [5, 6])).code).toBe('CONFLICT');
    await expectIntact(z.applicationId);
  });

  it('a refused signing leaves the images of an earlier signing that an edit unlinked: it did not create them', async () => {
    const x = await signedApplication(w);
    const keys = (await w.h.db.select({ imageKey: signatures.imageKey }).from(signatures).where(eq(signatures.applicationId, x.applicationId))).map((r) => r.imageKey ?? '');
    // An edit drops X's signatures; the files of that signing stay on disk, referenced by no row.
    await dealerApp().saveDraft({ applicationId: x.applicationId, formData: { contact: { contactPhone: '050 111 22 33' } } });
    const y = await verifiedSim();
    const refused = await staleSigning(y, [1, 2]);
    expect(refused.code).toBe('CONFLICT');
    expect(keys).toHaveLength(2);
    for (const key of keys) expect(stored(key), key).toBe(true);
  });

  it('a signing that creates only new files and fails leaves none of them behind', async () => {
    const y = await verifiedSim();
    const refused = await staleSigning(y, [7, 8]);
    expect(refused.code).toBe('CONFLICT');
    expect(filesUnder('pdfs')).toEqual([]);
    expect(filesUnder('signatures')).toEqual([]);
  });

  it('a package signing that fails in its transaction leaves X the dealer signature image both used', async () => {
    const x = await signedApplication(w); // the dealer signed X with png(2)
    const COMPANY = {
      company: { name: 'ТОВ «Агро-Поділля»', edrpou: '34000003', legalAddress: 'м. Бар, вул. Соборна, 1', iban: 'UA213223130000026007233566001' },
      authority: { poaNumber: '15/2026', poaDate: '2026-01-15', poaValidUntil: '2026-12-31' },
      representative: { name: 'Шевченко Петро Олегович', position: 'менеджер' },
    };
    const made = await w.as(w.world.operator).package.create({
      kind: 'legal-entity',
      company: COMPANY,
      items: [{ templateId: 'legal-entity-numbers', formData: { numbers: { lines: [{ msisdn: '067 111 22 33', tariff: 'business-5' }] } } }],
    });
    await w.as(w.world.operator).package.send({ packageId: made.packageId, chatId: w.chatId });
    const { applicationIds } = await w.as(w.world.dealer).package.open({ packageId: made.packageId });
    const applicationId = applicationIds[0] ?? '';
    await w.as(w.world.dealer).package.identify({ packageId: made.packageId, values: idCardIdentification() });
    const app = await dealerApp().get({ applicationId });
    await dealerApp().complete({ applicationId, formData: app.formData });
    await w.as(w.world.operator).application.verify({ applicationId });
    const pdfsBefore = filesUnder('pdfs');

    // While the package's PDF is being stored, the operator returns the application: the transaction fails.
    hookStorage().beforePut(
      (key) => key.startsWith('pdfs/'),
      () => w.as(w.world.operator).application.return({ applicationId, remarks: {}, note: 'Перевірте номер' }),
    );
    const refused = await trpcFailure(
      w.as(w.world.dealer).package.sign({
        packageId: made.packageId,
        signatures: [
          { party: 'representative', name: 'Шевченко Петро Олегович', image: png(3) },
          { party: 'dealer', name: w.world.dealer.name, image: png(2) },
        ],
      }),
    );
    expect(refused.code).toBe('CONFLICT');
    await expectIntact(x.applicationId);
    expect(filesUnder('pdfs')).toEqual(pdfsBefore);
    // The representative's image was new to this attempt: removed.
    expect(filesUnder('signatures')).toHaveLength(2);
  });

  it('a chat file whose transaction fails keeps the same file another chat committed in the middle of the clean-up', async () => {
    await w.online(w.world.operator, 2);
    const { chatId: otherChat } = await w.as(w.world.dealer2).chat.start({});
    await w.as(w.world.operator).operator.accept({ chatId: otherChat });
    const upload = (actor: Actor, chatId: string) => uploadAttachment({ ctx: { ...verbContext(w.h, actor), storage: w.h.storage }, input: { chatId, clientId: crypto.randomUUID(), fileName: 'паспорт.png', bytes: PNG } });

    const hooks = hookStorage();
    let committed: Awaited<ReturnType<typeof upload>> | undefined;
    // The first upload's chat closes while its file is written; its clean-up has checked that no
    // row uses the file when the same bytes arrive in the other chat and are committed.
    hooks.beforePut(
      () => true,
      () => w.as(w.world.operator).chat.close({ chatId: w.chatId }),
    );
    hooks.beforeRemove(async () => {
      committed = await upload(w.world.dealer2, otherChat);
    });
    await expect(upload(w.world.dealer, w.chatId)).rejects.toMatchObject({ kind: 'conflict' });
    expect(committed?.attachment).toBeDefined();
    const read = await readAttachment({ ctx: { ...verbContext(w.h, w.world.dealer2), storage: w.h.storage }, input: { attachmentId: committed?.attachment?.id ?? '' } });
    expect(Buffer.from(read.bytes).equals(PNG)).toBe(true);
  });

  it('a chat file whose transaction fails: the same file the other chat wrote meanwhile and commits just after the clean-up is put back', async () => {
    await w.online(w.world.operator, 2);
    const { chatId: otherChat } = await w.as(w.world.dealer2).chat.start({});
    await w.as(w.world.operator).operator.accept({ chatId: otherChat });
    const upload = (actor: Actor, chatId: string) => uploadAttachment({ ctx: { ...verbContext(w.h, actor), storage: w.h.storage }, input: { chatId, clientId: crypto.randomUUID(), fileName: 'паспорт.png', bytes: PNG } });

    const hooks = hookStorage();
    hooks.beforePut(
      () => true,
      () => w.as(w.world.operator).chat.close({ chatId: w.chatId }),
    );
    // The other upload finds the file already written and waits, before its transaction, until
    // the failed one has checked, removed the file and checked again.
    let cleanedUp = () => {};
    const cleanUpDone = new Promise<void>((resolve) => (cleanedUp = resolve));
    let other: ReturnType<typeof upload> | undefined;
    hooks.beforeRemove(async () => {
      const written = new Promise<void>((resolve) => hooks.afterPut(async () => {
        resolve();
        await cleanUpDone;
      }));
      other = upload(w.world.dealer2, otherChat);
      await written;
    });
    await expect(upload(w.world.dealer, w.chatId)).rejects.toMatchObject({ kind: 'conflict' });
    cleanedUp();
    const committed = await other;
    const read = await readAttachment({ ctx: { ...verbContext(w.h, w.world.dealer2), storage: w.h.storage }, input: { attachmentId: committed?.attachment?.id ?? '' } });
    expect(Buffer.from(read.bytes).equals(PNG)).toBe(true);
  });

  it('a chat file whose transaction fails leaves an earlier identical file of another chat, and removes a file only it wrote', async () => {
    await w.online(w.world.operator, 2);
    const { chatId: otherChat } = await w.as(w.world.dealer2).chat.start({});
    await w.as(w.world.operator).operator.accept({ chatId: otherChat });
    const earlier = await uploadAttachment({ ctx: { ...verbContext(w.h, w.world.dealer2), storage: w.h.storage }, input: { chatId: otherChat, clientId: crypto.randomUUID(), fileName: 'a.png', bytes: PNG } });

    hookStorage().beforePut(
      () => true,
      () => w.as(w.world.operator).chat.close({ chatId: w.chatId }),
    );
    await expect(uploadAttachment({ ctx: { ...verbContext(w.h, w.world.dealer), storage: w.h.storage }, input: { chatId: w.chatId, clientId: crypto.randomUUID(), fileName: 'a.png', bytes: PNG } })).rejects.toMatchObject({ kind: 'conflict' });
    const read = await readAttachment({ ctx: { ...verbContext(w.h, w.world.dealer2), storage: w.h.storage }, input: { attachmentId: earlier.attachment?.id ?? '' } });
    expect(Buffer.from(read.bytes).equals(PNG)).toBe(true);
    expect(filesUnder('attachments')).toHaveLength(1);

    // A file no one else has: removed with the failed upload.
    const { chatId: third } = await w.as(w.world.dealer).chat.start({});
    await w.as(w.world.operator).operator.accept({ chatId: third });
    const other = Buffer.from(scribblePng(40, 40, 9));
    hookStorage().beforePut(
      () => true,
      () => w.as(w.world.operator).chat.close({ chatId: third }),
    );
    await expect(uploadAttachment({ ctx: { ...verbContext(w.h, w.world.dealer), storage: w.h.storage }, input: { chatId: third, clientId: crypto.randomUUID(), fileName: 'b.png', bytes: other } })).rejects.toMatchObject({ kind: 'conflict' });
    expect(filesUnder('attachments')).toHaveLength(1);
  });

  it('a scan whose insert fails keeps the same scan another application committed in the middle of the clean-up, and removes a scan only it wrote', async () => {
    const a = await verifiedSim();
    const b = await verifiedSim();
    // A failing write, injected: the row of a scan named "fail…" cannot be inserted.
    await failInsertsOfScansNamedFail();
    const scan = (applicationId: string, fileName: string, bytes: Uint8Array) => uploadScan({ ctx: { ...verbContext(w.h, w.world.dealer), storage: w.h.storage }, input: { applicationId, fileName, bytes } });

    let committed: Awaited<ReturnType<typeof scan>> | undefined;
    hookStorage().beforeRemove(async () => {
      committed = await scan(b.applicationId, 'passport.png', PNG);
    });
    await expectInjectedFailure(scan(a.applicationId, 'fail.png', PNG));
    const row = await first(w.h.db.select().from(attachments).where(eq(attachments.id, committed?.id ?? '')));
    expect(row && stored(row.storageKey)).toBe(true);

    const only = Buffer.from(scribblePng(40, 40, 11));
    await expectInjectedFailure(scan(a.applicationId, 'fail-2.png', only));
    expect(filesUnder('attachments')).toHaveLength(1);
  });
});

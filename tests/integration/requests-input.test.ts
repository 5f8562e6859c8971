import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachments, requests } from '@/db/schema';
import { messageRefOf } from '@/server/trpc/error-mapping';
import { seedRequestCategories } from '@/server/seed/request-categories';
import { makeAdmin, makeBackOfficeUser } from '../helpers/factories';
import { EXE_BASE64, PNG_BASE64, provenVisitor, requestNotifications } from '../helpers/requests';
import { createHarness, harnessCaller, trpcFailure, type Harness } from '../helpers/test-db';

let h: Harness & { cleanup: () => Promise<void> };
let visitorToken: string;
beforeEach(async () => {
  h = await createHarness();
  await seedRequestCategories(h.db);
  visitorToken = (await provenVisitor(h.db, h.clock)).token;
});
afterEach(async () => h.cleanup());

const base = () => ({ visitorToken, category: 'billing', text: 'Текст', files: [] as { fileName: string; contentBase64: string }[], consent: true as const, locale: 'uk' as const });

describe('bad input to a request', () => {
  it('empty or blank text, 10 MB of text, no consent, an unknown category: refused, nothing stored', async () => {
    const pub = harnessCaller(h, null);
    for (const text of ['', '   \n\t ', 'я'.repeat(10 * 1024 * 1024)]) expect((await trpcFailure(pub.requests.submit({ ...base(), text }))).code).toBe('BAD_REQUEST');
    expect((await trpcFailure(pub.requests.submit({ ...base(), text: 'x'.repeat(20_001) }))).code).toBe('BAD_REQUEST');
    expect((await trpcFailure(pub.requests.submit({ ...base(), consent: false as unknown as true }))).code).toBe('BAD_REQUEST');
    expect((await trpcFailure(pub.requests.submit({ ...base(), category: 'no_such' }))).code).toBe('NOT_FOUND');
    expect((await trpcFailure(pub.requests.submit({ ...base(), category: 'DROP TABLE' }))).code).toBe('BAD_REQUEST');
    expect(await h.db.select().from(requests)).toHaveLength(0);
    // 20,000 characters is the limit itself.
    expect((await pub.requests.submit({ ...base(), text: 'x'.repeat(20_000) })).number).toBe('Z-2026-000001');
  });

  it('a renamed executable (photo.jpg) is refused by its bytes, with the request; a real photo is kept', async () => {
    const pub = harnessCaller(h, null);
    const failure = await trpcFailure(pub.requests.submit({ ...base(), files: [{ fileName: 'photo.png', contentBase64: PNG_BASE64 }, { fileName: 'photo.jpg', contentBase64: EXE_BASE64 }] }));
    expect(messageRefOf(failure).messageKey).toBe('errors.fileType');
    expect(await h.db.select().from(requests)).toHaveLength(0);
    expect(await h.db.select().from(attachments)).toHaveLength(0);
    const ok = await pub.requests.submit({ ...base(), files: [{ fileName: 'photo.png', contentBase64: PNG_BASE64 }] });
    const view = await pub.requests.link.view({ token: ok.linkToken });
    const file = view.messages.find((m) => m.attachment)?.attachment;
    expect(file).toMatchObject({ mime: 'image/png', fileName: 'photo.png' });
    expect((await pub.requests.link.file({ token: ok.linkToken, attachmentId: file?.id ?? '' })).contentBase64).toBe(PNG_BASE64);
    expect(messageRefOf(await trpcFailure(pub.requests.link.addFiles({ token: ok.linkToken, files: [{ fileName: 'a.pdf', contentBase64: EXE_BASE64 }] }))).messageKey).toBe('errors.fileType');
    expect((await trpcFailure(pub.requests.link.addFiles({ token: ok.linkToken, files: [{ fileName: 'a.png', contentBase64: '' }] }))).code).toBe('BAD_REQUEST');
  });

  it('a rating outside 1–5, a rating before resolution, a reply on a closed request: refused', async () => {
    const pub = harnessCaller(h, null);
    const { linkToken } = await pub.requests.submit(base());
    expect((await trpcFailure(pub.requests.link.rate({ token: linkToken, rating: 6 }))).code).toBe('BAD_REQUEST');
    expect((await trpcFailure(pub.requests.link.rate({ token: linkToken, rating: 5 }))).code).toBe('CONFLICT');
    await pub.requests.link.close({ token: linkToken });
    expect(messageRefOf(await trpcFailure(pub.requests.link.reply({ token: linkToken, text: 'ще', files: [] }))).messageKey).toBe('errors.wrongState');
  });
});

describe('merging a duplicate', () => {
  it('the duplicate keeps its lines, closes pointing to the target; the target notes it; the subscriber is told; no merge into itself', async () => {
    const pub = harnessCaller(h, null);
    const target = await pub.requests.submit({ ...base(), text: 'Перше' });
    const duplicate = await pub.requests.submit({ ...base(), visitorToken: (await provenVisitor(h.db, h.clock, { msisdn: '+380509998877' })).token, text: 'Те саме ще раз' });
    const staff = harnessCaller(h, await makeBackOfficeUser(h.db));
    expect(messageRefOf(await trpcFailure(staff.backoffice.requests.merge({ id: duplicate.id, into: duplicate.number }))).messageKey).toBe('errors.requestMergeSelf');
    expect((await trpcFailure(staff.backoffice.requests.merge({ id: duplicate.id, into: 'Z-2026-999999' }))).code).toBe('NOT_FOUND');
    expect(await staff.backoffice.requests.merge({ id: duplicate.id, into: target.number.toLowerCase() })).toMatchObject({ status: 'closed' });

    const dup = await staff.backoffice.requests.get({ id: duplicate.id });
    expect(dup).toMatchObject({ status: 'closed', mergedInto: { id: target.id, number: target.number }, dueAt: null });
    expect(dup.messages.map((m) => m.body)).toEqual(['Те саме ще раз', `merged:${target.number}`]);
    expect((await staff.backoffice.requests.get({ id: target.id })).messages.map((m) => m.body)).toEqual(['Перше', `mergedFrom:${duplicate.number}`]);
    const view = await pub.requests.link.view({ token: duplicate.linkToken });
    expect(view).toMatchObject({ mergedIntoNumber: target.number, can: { reply: false, reopen: false } });
    expect(messageRefOf(await trpcFailure(pub.requests.link.reopen({ token: duplicate.linkToken }))).messageKey).toBe('errors.requestMerged');
    expect((await requestNotifications(h.db, '+380509998877')).map((n) => n.kind)).toEqual(['request.submitted', 'request.merged']);
    // Nothing merges into a closed or merged request.
    expect(messageRefOf(await trpcFailure(staff.backoffice.requests.merge({ id: target.id, into: duplicate.number }))).messageKey).toBe('errors.requestMergeTarget');
  });
});

describe('categories', () => {
  it('the admin changes a category’s targets; new requests get them, the form lists only active ones', async () => {
    const admin = harnessCaller(h, await makeAdmin(h.db));
    const all = await admin.admin.requestCategories.list();
    expect(all.map((c) => c.key)).toEqual(['billing', 'number_sim', 'tariffs', 'roaming', 'coverage', 'complaint', 'other']);
    const [billing] = all;
    const other = all.find((c) => c.key === 'other');
    if (!billing || !other) throw new Error('no default categories');
    await admin.admin.requestCategories.update({ ...billing, firstResponseHours: 1, active: true });
    await admin.admin.requestCategories.update({ ...other, active: false });
    const pub = harnessCaller(h, null);
    expect((await pub.requests.categories()).map((c) => c.key)).not.toContain('other');
    // Wednesday 12:00 Kyiv + 1 business hour.
    expect((await pub.requests.submit(base())).firstResponseDueAt).toEqual(new Date('2026-11-25T11:00:00Z'));
    expect((await trpcFailure(pub.requests.submit({ ...base(), category: 'other' }))).code).toBe('NOT_FOUND');
    expect((await trpcFailure(admin.admin.requestCategories.update({ ...billing, firstResponseHours: 0 }))).code).toBe('BAD_REQUEST');
  });
});

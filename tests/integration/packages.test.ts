import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applications, companies, identifications, packages } from '@/db/schema';
import { first, inTransaction } from '@/db/client';
import { movePackage } from '@/server/packages/package-access';
import { scribblePng } from '@/server/signing/sample-document';
import { applicationWorld, idCardIdentification } from '../helpers/application-world';
import { trpcFailure } from '../helpers/test-db';

let w: Awaited<ReturnType<typeof applicationWorld>>;
beforeEach(async () => {
  w = await applicationWorld();
  process.env.DATA_DIR = w.h.dir;
});
afterEach(() => w.h.cleanup());

const operator = () => w.as(w.world.operator).package;
const dealer = () => w.as(w.world.dealer).package;
const png = (seed: number) => Buffer.from(scribblePng(360, 120, seed)).toString('base64');

const COMPANY = {
  company: { name: 'ТОВ «Агро-Поділля»', edrpou: '34000003', legalAddress: 'м. Бар, вул. Соборна, 1', iban: 'UA213223130000026007233566001' },
  authority: { poaNumber: '15/2026', poaDate: '2026-01-15', poaValidUntil: '2026-12-31' },
  representative: { name: 'Шевченко Петро Олегович', position: 'менеджер' },
};

/** Two forms: new numbers (the operator filled one line) and a tariff change (the dealer will fill the numbers). */
type Item = { templateId: string; formData: Record<string, Record<string, unknown>> };
const NUMBERS_ITEM: Item = 
{ templateId: 'legal-entity-numbers', formData: { numbers: { lines: [{ msisdn: '067 111 22 33', tariff: 'business-5' }] } } };
const TARIFF_ITEM: Item = { templateId: 'legal-entity-tariff-change', formData: { tariff: { effective: 'next-period' } } };
const ITEMS = [NUMBERS_ITEM, TARIFF_ITEM];

async function preparedAndOpened() {
  const made = await operator().create({ kind: 'legal-entity', company: COMPANY, items: ITEMS });
  await operator().send({ packageId: made.packageId, chatId: w.chatId });
  const opened = await dealer().open({ packageId: made.packageId });
  return { ...made, applicationIds: opened.applicationIds };
}

describe('packages prepared by operators', () => {
  it('prepared before any chat, found by EDRPOU or name; the company is remembered with its last change', async () => {
    const made = await operator().create({ kind: 'legal-entity', company: COMPANY, items: ITEMS });
    expect(made.number).toMatch(/^PK-2026-\d{6}$/);
    expect((await operator().search({ query: '34000003' })).map((p) => p.number)).toEqual([made.number]);
    expect((await operator().search({ query: 'Агро' })).map((p) => p.number)).toEqual([made.number]);
    expect(await operator().search({ query: 'Інша компанія' })).toEqual([]);
    expect(await operator().search({ query: 'Агро', status: 'sent' })).toEqual([]);
    expect((await operator().search({ query: 'Агро', status: 'draft' })).map((p) => p.number)).toEqual([made.number]);
    const pkg = await operator().get({ packageId: made.packageId });
    expect(pkg.items.map((i) => i.templateId)).toEqual(['legal-entity-numbers', 'legal-entity-tariff-change']);
    // The company's details went into both forms' company and authority sections.
    expect(pkg.items[1]?.formData).toMatchObject({ company: { edrpou: '34000003', iban: 'UA213223130000026007233566001' }, authority: { poaNumber: '15/2026' }, tariff: { effective: 'next-period' } });
    expect(pkg.items[1]?.filled).toEqual(['company.name', 'company.edrpou', 'company.legalAddress', 'company.iban', 'authority.poaNumber', 'authority.poaDate', 'authority.poaValidUntil', 'tariff.effective']);

    w.h.clock.advance(86_400_000);
    await operator().update({ packageId: made.packageId, version: made.version, company: { ...COMPANY, company: { ...COMPANY.company, legalAddress: 'м. Бар, вул. Героїв Майдану, 5' } } });
    const remembered = await operator().lookupCompany({ edrpou: '34000003' });
    expect(remembered).toMatchObject({ details: { legalAddress: 'м. Бар, вул. Героїв Майдану, 5', representativeName: 'Шевченко Петро Олегович' }, updatedAt: w.h.clock.now(), updatedByName: w.world.operator.name });
    expect(await operator().lookupCompany({ edrpou: '34000134' })).toBeNull();
  });

  it('sent into a chat, opened by its dealer: every form becomes an application of that chat, keeping what the operator filled', async () => {
    const { packageId, applicationIds } = await preparedAndOpened();
    expect(applicationIds).toHaveLength(2);
    const [numbers, tariff] = await Promise.all(applicationIds.map((applicationId) => w.as(w.world.dealer).application.get({ applicationId })));
    expect(numbers).toMatchObject({ status: 'draft', chatId: w.chatId, formData: { numbers: { lines: [{ msisdn: '067 111 22 33', tariff: 'business-5' }] } } });
    expect(tariff?.formData.company).toMatchObject({ name: 'ТОВ «Агро-Поділля»' });
    expect((await first(w.h.db.select({ prefilled: applications.prefilledPaths }).from(applications).where(eq(applications.id, applicationIds[1] ?? ''))))?.prefilled).toContain('tariff.effective');
    // Opening twice gives the same applications; the chat has the package card and both application cards.
    expect((await dealer().open({ packageId })).applicationIds).toEqual(applicationIds);
    const kinds = (await w.as(w.world.dealer).chat.get({ chatId: w.chatId })).messages.map((m) => m.kind);
    expect(kinds.filter((k) => k === 'prefill')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'application')).toHaveLength(2);
  });

  it('a package sent to one dealer company cannot be seen or opened by another', async () => {
    const made = await operator().create({ kind: 'legal-entity', company: COMPANY, items: ITEMS });
    // Not even its own dealer company sees a package that was not sent.
    expect((await trpcFailure(dealer().get({ packageId: made.packageId }))).code).toBe('NOT_FOUND');
    await operator().send({ packageId: made.packageId, chatId: w.chatId });
    expect((await trpcFailure(w.as(w.world.dealer2).package.get({ packageId: made.packageId }))).code).toBe('NOT_FOUND');
    expect((await trpcFailure(w.as(w.world.dealer2).package.open({ packageId: made.packageId }))).code).toBe('NOT_FOUND');
    expect((await trpcFailure(w.as(w.world.dealer2).package.identify({ packageId: made.packageId, values: idCardIdentification() }))).code).toBe('NOT_FOUND');
    expect((await first(w.h.db.select({ n: count() }).from(applications)))?.n).toBe(0);
    // Another operator cannot send it into a chat that is not theirs.
    const again = await operator().create({ kind: 'legal-entity', company: COMPANY, items: ITEMS });
    expect((await trpcFailure(w.as(w.world.operator2).package.send({ packageId: again.packageId, chatId: w.chatId }))).code).toBe('NOT_FOUND');
    expect((await trpcFailure(operator().send({ packageId: made.packageId, chatId: w.chatId }))).code).toBe('CONFLICT');
  });

  it('identified once, completed, verified, signed once (a sealed PDF each), submitted together, decided one by one', async () => {
    const { packageId, applicationIds } = await preparedAndOpened();
    await dealer().identify({ packageId, values: idCardIdentification() });
    for (const id of applicationIds) {
      const parties = await w.h.db.select().from(identifications).where(eq(identifications.applicationId, id));
      expect(parties.map((p) => [p.party, p.values.fullName])).toEqual([['representative', 'Шевченко Петро Олегович']]);
    }
    const [numbersId = '', tariffId = ''] = applicationIds;
    const numbers = await w.as(w.world.dealer).application.get({ applicationId: numbersId });
    await w.as(w.world.dealer).application.complete({ applicationId: numbersId, formData: numbers.formData });
    const tariff = await w.as(w.world.dealer).application.get({ applicationId: tariffId });
    await w.as(w.world.dealer).application.complete({ applicationId: tariffId, formData: { ...tariff.formData, tariff: { ...tariff.formData.tariff, lines: [{ msisdn: '050 222 33 44', newTariff: 'business-unlim' }] } } });
    // Signing before the operator verified both is refused, and nothing is signed.
    await w.as(w.world.operator).application.verify({ applicationId: numbersId });
    const signatures = [
      { party: 'representative', name: 'Шевченко Петро Олегович', image: png(3) },
      { party: 'dealer', name: w.world.dealer.name, image: png(4) },
    ];
    const early = await trpcFailure(dealer().sign({ packageId, signatures }));
    expect(early.code).toBe('CONFLICT');
    expect((await first(w.h.db.select({ status: applications.status }).from(applications).where(eq(applications.id, numbersId))))?.status).toBe('verified');
    await w.as(w.world.operator).application.verify({ applicationId: tariffId });

    const signed = await dealer().sign({ packageId, signatures });
    expect(signed.map((s) => s.status)).toEqual(['signed', 'signed']);
    expect(new Set(signed.map((s) => s.pdfSha256)).size).toBe(2);

    const requestId = randomUUID();
    const submitted = await dealer().submit({ packageId, requestId });
    expect(submitted.map((s) => s.status)).toEqual(['submitted', 'submitted']);
    expect(await dealer().submit({ packageId, requestId })).toEqual(submitted);

    const office = w.as(w.world.backoffice);
    expect((await office.package.get({ packageId })).items.map((i) => i.application?.status)).toEqual(['submitted', 'submitted']);
    for (const id of applicationIds) {
      const row = await first(w.h.db.select().from(applications).where(eq(applications.id, id)));
      await office.backoffice.approve({ applicationId: id, version: row?.version ?? 0 });
    }
    expect((await office.package.get({ packageId })).items.map((i) => i.application?.status)).toEqual(['approved', 'approved']);
  });

  it('a package in a wrong state and a package changed meanwhile are different conflicts', async () => {
    const made = await operator().create({ kind: 'legal-entity', company: COMPANY, items: ITEMS });
    const seen = await first(w.h.db.select().from(packages).where(eq(packages.id, made.packageId)));
    if (!seen) throw new Error('package missing');
    await operator().send({ packageId: made.packageId, chatId: w.chatId });
    const wrongState = await trpcFailure(operator().send({ packageId: made.packageId, chatId: w.chatId }));
    expect(wrongState.cause).toMatchObject({ kind: 'conflict', messageKey: 'errors.wrongState', details: { status: 'sent' } });
    // An edit that read the draft before it was sent, and writes after (as a second server would).
    const lostRace = () => inTransaction(w.h.db, (tx) => movePackage(tx, seen, 'edit', w.world.operator, { title: 'Інша назва' }, w.h.clock.now()));
    await expect(lostRace()).rejects.toThrow(expect.objectContaining({ kind: 'conflict', messageKey: 'errors.changedMeanwhile' }));
  });

  it('changing the company details of a package already sent does not change its applications', async () => {
    const { packageId, applicationIds } = await preparedAndOpened();
    const before = await first(w.h.db.select({ formData: applications.formData, version: applications.version }).from(applications).where(eq(applications.id, applicationIds[0] ?? '')));
    const current = await operator().get({ packageId });
    await operator().update({ packageId, version: current.version, company: { ...COMPANY, company: { ...COMPANY.company, name: 'ТОВ «Агро-Поділля Плюс»' } } });
    const after = await first(w.h.db.select({ formData: applications.formData, version: applications.version }).from(applications).where(eq(applications.id, applicationIds[0] ?? '')));
    expect(after).toEqual(before);
    expect((await operator().lookupCompany({ edrpou: '34000003' }))?.details.name).toBe('ТОВ «Агро-Поділля Плюс»');
    const changed = await operator().get({ packageId });
    expect([changed.details?.name, changed.version]).toEqual(['ТОВ «Агро-Поділля Плюс»', current.version + 1]);
    // It stays the package of the same company.
    expect((await trpcFailure(operator().update({ packageId, version: changed.version, company: { ...COMPANY, company: { ...COMPANY.company, edrpou: '34000134' } } }))).code).toBe('BAD_REQUEST');
    // Its forms cannot be changed any more.
    expect((await trpcFailure(operator().update({ packageId, version: changed.version, items: ITEMS }))).code).toBe('BAD_REQUEST');
  });

  it('two operators edit the same draft: the save made from the older version is refused as changed meanwhile, the first save stays', async () => {
    const made = await operator().create({ kind: 'legal-entity', company: COMPANY, items: ITEMS });
    const first = await operator().update({ packageId: made.packageId, version: made.version, company: { ...COMPANY, company: { ...COMPANY.company, legalAddress: 'м. Бар, вул. Героїв Майдану, 5' } } });
    expect(first.version).toBe(made.version + 1);
    const second = await trpcFailure(w.as(w.world.operator2).package.update({ packageId: made.packageId, version: made.version, company: { ...COMPANY, company: { ...COMPANY.company, legalAddress: 'м. Бар, вул. Соборна, 1' } } }));
    expect(second.code).toBe('CONFLICT');
    expect(second.cause).toMatchObject({ kind: 'conflict', messageKey: 'errors.changedMeanwhile' });
    const kept = await operator().get({ packageId: made.packageId });
    expect([kept.version, kept.details?.legalAddress]).toEqual([first.version, 'м. Бар, вул. Героїв Майдану, 5']);
  });

  it('bad input: a wrong EDRPOU checksum, an expired power of attorney, no forms, a person\'s form in a company package — clear errors, nothing stored', async () => {
    const wrongEdrpou = await trpcFailure(operator().create({ kind: 'legal-entity', company: { ...COMPANY, company: { ...COMPANY.company, edrpou: '34000004' } }, items: ITEMS }));
    expect(wrongEdrpou.code).toBe('BAD_REQUEST');
    expect(wrongEdrpou.message).toContain('company.company.edrpou');
    const expired = await trpcFailure(operator().create({ kind: 'legal-entity', company: { ...COMPANY, authority: { ...COMPANY.authority, poaValidUntil: '2026-11-24' } }, items: ITEMS }));
    expect(expired.code).toBe('BAD_REQUEST');
    expect(expired.message).toContain('company.authority.poaValidUntil');
    expect((await trpcFailure(operator().create({ kind: 'legal-entity', company: COMPANY, items: [] }))).code).toBe('BAD_REQUEST');
    expect((await trpcFailure(operator().create({ kind: 'legal-entity', company: COMPANY, items: [{ templateId: 'tariff-change', formData: {} }] }))).code).toBe('BAD_REQUEST');
    const badField = await trpcFailure(operator().create({ kind: 'legal-entity', company: COMPANY, items: [NUMBERS_ITEM, { templateId: 'legal-entity-tariff-change', formData: { tariff: { nope: 'x' } } }] }));
    expect(badField.message).toContain('items.1.formData.tariff');
    expect((await trpcFailure(operator().create({ kind: 'individual', items: [NUMBERS_ITEM, TARIFF_ITEM] }))).code).toBe('BAD_REQUEST');
    const badPhone = await trpcFailure(operator().create({ kind: 'individual', items: [{ templateId: 'tariff-change', formData: { tariff: { msisdn: '12345' } } }] }));
    expect([badPhone.code, badPhone.message]).toEqual(['BAD_REQUEST', expect.stringContaining('items.0.formData.tariff.msisdn')]);
    expect((await trpcFailure(w.as(w.world.dealer).package.create({ kind: 'legal-entity', company: COMPANY, items: ITEMS }))).code).toBe('FORBIDDEN');
    expect((await first(w.h.db.select({ n: count() }).from(packages)))?.n).toBe(0);
    expect((await first(w.h.db.select({ n: count() }).from(companies)))?.n).toBe(0);
  });

  it('an operator sends one pre-filled form to a person', async () => {
    const made = await operator().create({ kind: 'individual', items: [{ templateId: 'tariff-change', formData: { tariff: { msisdn: '097 765 43 21', newTariff: 'bezlim' } } }] });
    await operator().send({ packageId: made.packageId, chatId: w.chatId });
    const { applicationIds } = await dealer().open({ packageId: made.packageId });
    const application = await w.as(w.world.dealer).application.get({ applicationId: applicationIds[0] ?? '' });
    // What the operator filled is checked and normalised as the complete form would (the number in +380 form).
    expect(application).toMatchObject({ templateId: 'tariff-change', status: 'draft', formData: { tariff: { msisdn: '+380977654321', newTariff: 'bezlim' } } });
    // A person's form is identified and signed on its own page, not as a package.
    const once = await trpcFailure(dealer().identify({ packageId: made.packageId, values: idCardIdentification() }));
    expect([once.code, once.message]).toEqual(['BAD_REQUEST', expect.stringContaining('its own page')]);
  });
});

import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applications, auditEvents, identifications } from '@/db/schema';
import { first, inTransaction } from '@/db/client';
import { verifyAuditChain } from '@/server/audit/verify-audit-chain';
import { transition } from '@/server/workflow/transition';
import en from '@/messages/en.json';
import uk from '@/messages/uk.json';
import { trpcFailure } from '../helpers/test-db';
import { applicationWorld, bookletIdentification, idCardIdentification, signedApplication, SIM_FORM } from '../helpers/application-world';

let w: Awaited<ReturnType<typeof applicationWorld>>;
beforeEach(async () => {
  w = await applicationWorld();
});
afterEach(() => w.h.cleanup());

const failure = trpcFailure;

const dealer = () => w.as(w.world.dealer).application;
const operator = () => w.as(w.world.operator).application;
const row = (id: string) => first(w.h.db.select().from(applications).where(eq(applications.id, id)));

async function simApplication() {
  const { applicationId, number } = await dealer().create({ chatId: w.chatId, templateId: 'sim-replacement' });
  return { applicationId, number };
}

describe('the SIM replacement cycle up to verified', () => {
  it('create → identify → fill → return with a remark → fix → verify, every step audited', async () => {
    const { applicationId, number } = await simApplication();
    expect(number).toMatch(/^DD-2026-\d{6}$/);
    expect(await row(applicationId)).toMatchObject({ status: 'draft', version: 1 });
    const chat = await w.as(w.world.operator).chat.get({ chatId: w.chatId });
    expect(chat.messages.at(-1)).toMatchObject({ kind: 'application' });

    const identified = await dealer().saveIdentification({ applicationId, party: 'subscriber', values: bookletIdentification() });
    expect(identified).toMatchObject({ status: 'identified', version: 2 });
    const stored = await first(w.h.db.select().from(identifications).where(eq(identifications.applicationId, applicationId)));
    expect(stored).toMatchObject({ party: 'subscriber', attestedBy: w.world.dealer.id, attestedPointOfSaleId: w.world.dealer.pointOfSaleId });

    await dealer().saveDraft({ applicationId, formData: { number: { msisdn: '067 123' } } });
    const filled = await dealer().complete({ applicationId, formData: SIM_FORM });
    expect(filled.status).toBe('filled');
    expect((await row(applicationId))?.formData).toMatchObject({ number: { msisdn: '+380671234567', reason: 'lost', iccid: '8938001234567890123' } });

    const returned = await operator().return({ applicationId, remarks: { 'number.iccid': 'ICCID не збігається з карткою' }, note: '' });
    expect(returned.status).toBe('filled');
    const seen = await dealer().get({ applicationId });
    expect(seen.remarks).toEqual({ 'number.iccid': 'ICCID не збігається з карткою' });
    expect(seen.allowedActions).toEqual(expect.arrayContaining(['edit', 'fill', 'cancel']));

    await dealer().complete({ applicationId, formData: { ...SIM_FORM, number: { ...SIM_FORM.number, iccid: '8938001234567890999' } } });
    const verified = await operator().verify({ applicationId });
    expect(verified.status).toBe('verified');
    expect(await row(applicationId)).toMatchObject({ status: 'verified', verifiedBy: w.world.operator.id, remarks: null });

    const actions = (await w.h.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, applicationId))).map((a) => a.action);
    expect(actions).toEqual(['application.create', 'application.identify', 'application.edit', 'application.fill', 'application.return', 'application.fill', 'application.verify']);
    expect((await verifyAuditChain(w.h.db)).ok).toBe(true);
  });

  it('an edit of verified data sends it back to filled and clears the verification', async () => {
    const { applicationId } = await simApplication();
    await dealer().saveIdentification({ applicationId, party: 'subscriber', values: bookletIdentification() });
    await dealer().complete({ applicationId, formData: SIM_FORM });
    await operator().verify({ applicationId });
    const edited = await dealer().saveDraft({ applicationId, formData: { contact: { contactPhone: '050 111 22 33' } } });
    expect(edited.status).toBe('filled');
    expect(await row(applicationId)).toMatchObject({ verifiedBy: null, verifiedAt: null });
    const reidentified = await operator().verify({ applicationId });
    expect(reidentified.status).toBe('verified');
    await dealer().saveIdentification({ applicationId, party: 'subscriber', values: bookletIdentification({ issuer: 'Хмільницьким РВ УМВС' }) });
    expect(await row(applicationId)).toMatchObject({ status: 'filled', verifiedBy: null });
  });

  it('a wrong state is a CONFLICT naming the state and what is allowed', async () => {
    const { applicationId } = await simApplication();
    const early = await failure(operator().verify({ applicationId }));
    expect(early.code).toBe('CONFLICT');
    expect(early.message).toContain('is draft');
    const tooSoon = await failure(dealer().complete({ applicationId, formData: SIM_FORM }));
    expect(tooSoon.code).toBe('CONFLICT');
    expect(tooSoon.message).toMatch(/allowed now: identify, edit, cancel/);
  });

  it('a wrong state and a lost race are different errors, each with its own message', async () => {
    const { applicationId } = await simApplication();
    const wrongState = await failure(operator().verify({ applicationId }));
    expect(wrongState.cause).toMatchObject({ kind: 'conflict', messageKey: 'errors.wrongState', details: { status: 'draft' } });
    const identified = await dealer().saveIdentification({ applicationId, party: 'subscriber', values: bookletIdentification() });
    const lostRace = await failure(dealer().saveDraft({ applicationId, version: identified.version - 1, formData: {} }));
    expect(lostRace.cause).toMatchObject({ kind: 'conflict', messageKey: 'errors.changedMeanwhile' });
    for (const messages of [uk, en]) {
      expect(messages.errors).toMatchObject({ wrongState: expect.stringContaining('{status}'), changedMeanwhile: expect.any(String) });
      expect(messages.errors.wrongState).not.toBe(messages.errors.changedMeanwhile);
    }
  });

  // Decided by the version each caller names (transition's expectedVersion check); the SQL
  // compare-and-set behind it is raced in the next test.
  it('two changes from the same version: exactly one wins', async () => {
    const { applicationId } = await simApplication();
    await dealer().saveIdentification({ applicationId, party: 'subscriber', values: bookletIdentification() });
    const filled = await dealer().complete({ applicationId, formData: SIM_FORM });
    const results = await Promise.allSettled([
      operator().verify({ applicationId, version: filled.version }),
      operator().return({ applicationId, version: filled.version, remarks: {}, note: 'Перевірте номер' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected');
    expect((lost as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    expect((await row(applicationId))?.version).toBe(filled.version + 1);
  });

  it('two changes that read the same row race at the SQL level: the compare-and-set lets the first write, the second writes nothing and no audit event', async () => {
    const { applicationId } = await simApplication();
    await dealer().saveIdentification({ applicationId, party: 'subscriber', values: bookletIdentification() });
    await dealer().complete({ applicationId, formData: SIM_FORM });
    // Both changes read the application before either writes (as two servers would), and neither
    // names a version: only `UPDATE … WHERE version = <read>` can tell them apart. Both keep it
    // `filled`, so the status part of that WHERE cannot decide either.
    const seen = await row(applicationId);
    if (!seen) throw new Error('application missing');
    const audited = async () => (await w.h.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, applicationId))).map((a) => a.action);
    const before = await audited();
    const facts = { chatOperatorId: w.world.operator.id, allPartiesIdentified: true };
    const edited = { ...SIM_FORM, contact: { contactPhone: '+380501112233' } };
    const edit = () => inTransaction(w.h.db, (tx) => transition(tx, { application: seen, action: 'edit', actor: w.world.dealer, facts, changes: { formData: edited }, now: w.h.clock.now() }));
    const giveBack = () =>
      inTransaction(w.h.db, (tx) => transition(tx, { application: seen, action: 'return', actor: w.world.operator, facts, changes: { remarks: { _general: 'Перевірте номер' } }, now: w.h.clock.now() }));

    expect(await edit()).toMatchObject({ status: 'filled', version: seen.version + 1 });
    await expect(giveBack()).rejects.toThrow(expect.objectContaining({ kind: 'conflict', messageKey: 'errors.changedMeanwhile', message: expect.stringContaining('at the same moment') }));
    expect(await row(applicationId)).toMatchObject({ status: 'filled', version: seen.version + 1, remarks: null, formData: edited });
    expect(await audited()).toEqual([...before, 'application.edit']);
    expect((await verifyAuditChain(w.h.db)).ok).toBe(true);
  });

  // On PostgreSQL the three run on their own connections at once: the pipeline holds the
  // application's row from its first read, so the later ones see the first one's submission as a
  // repeat instead of losing a race.
  it('the same submission sent three times at once: all three answered with it, one submission written', async () => {
    const { applicationId, version } = await signedApplication(w, 'tariff-change');
    const requestId = randomUUID();
    const results = await Promise.allSettled([1, 2, 3].map(() => dealer().submit({ applicationId, version, requestId })));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(new Set(results.map((r) => (r.status === 'fulfilled' ? `${r.value.status}:${r.value.version}` : '')))).toEqual(new Set([`submitted:${version + 1}`]));
    const submits = await first(w.h.db.select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.entityId, applicationId), eq(auditEvents.action, 'application.submit'))));
    expect(submits?.n).toBe(1);
    expect((await verifyAuditChain(w.h.db)).ok).toBe(true);
  });

  it('cancelling is allowed before submission, and then nothing else is', async () => {
    const { applicationId } = await simApplication();
    await dealer().cancel({ applicationId });
    expect((await row(applicationId))?.status).toBe('cancelled');
    expect((await failure(dealer().saveDraft({ applicationId, formData: {} }))).code).toBe('CONFLICT');
  });
});

describe('who may do what', () => {
  it('another dealer company cannot read, fill or list; an operator not on the chat cannot verify', async () => {
    const { applicationId } = await simApplication();
    await dealer().saveIdentification({ applicationId, party: 'subscriber', values: bookletIdentification() });
    await dealer().complete({ applicationId, formData: SIM_FORM });
    const other = w.as(w.world.dealer2).application;
    expect((await failure(other.get({ applicationId }))).code).toBe('NOT_FOUND');
    expect((await failure(other.saveDraft({ applicationId, formData: {} }))).code).toBe('NOT_FOUND');
    expect((await failure(other.saveIdentification({ applicationId, party: 'subscriber', values: bookletIdentification() }))).code).toBe('NOT_FOUND');
    expect((await other.list()).map((a) => a.id)).not.toContain(applicationId);
    expect((await failure(w.as(w.world.operator2).application.verify({ applicationId }))).code).toBe('NOT_FOUND');
    expect((await failure(w.as(w.world.operator2).application.get({ applicationId }))).code).toBe('NOT_FOUND');
    expect((await failure(w.as(w.world.operator).application.saveDraft({ applicationId, formData: {} }))).code).toBe('FORBIDDEN');
    expect((await w.as(w.world.operator).application.list()).map((a) => a.id)).toContain(applicationId);
  });

  it('only in an active chat, by its dealer', async () => {
    expect((await failure(w.as(w.world.dealer2).application.create({ chatId: w.chatId, templateId: 'sim-replacement' }))).code).toBe('NOT_FOUND');
    await w.as(w.world.operator).chat.close({ chatId: w.chatId });
    expect((await failure(dealer().create({ chatId: w.chatId, templateId: 'sim-replacement' }))).code).toBe('CONFLICT');
  });
});

describe('bad input: a clear BAD_REQUEST with the field, nothing stored half-way', () => {
  it('unknown template', async () => {
    const error = await failure(dealer().create({ chatId: w.chatId, templateId: 'no-such-form' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect((await first(w.h.db.select({ n: count() }).from(applications)))?.n).toBe(0);
  });

  it('wrong field types, unknown fields, 100 KB strings', async () => {
    const { applicationId } = await simApplication();
    const before = await row(applicationId);
    for (const formData of [{ number: { msisdn: 12345 } }, { number: { nope: 'x' } }, { nowhere: {} }, { number: { msisdn: 'я'.repeat(100_000) } }]) {
      expect((await failure(dealer().saveDraft({ applicationId, formData: formData as never }))).code).toBe('BAD_REQUEST');
    }
    expect(await row(applicationId)).toEqual(before);
  });

  it('field-level errors on complete: invalid date 2023-02-30, phone, missing conditional field', async () => {
    const { applicationId } = await simApplication();
    await dealer().saveIdentification({ applicationId, party: 'subscriber', values: bookletIdentification() });
    const before = await row(applicationId);
    const error = await failure(dealer().complete({ applicationId, formData: { number: { msisdn: '044 123 45 67', reason: 'lost', simType: 'physical' } } }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('number.msisdn');
    expect(error.message).toContain('number.iccid');
    expect(await row(applicationId)).toEqual(before);

    const { applicationId: termination } = await dealer().create({ chatId: w.chatId, templateId: 'contract-termination' });
    await dealer().saveIdentification({ applicationId: termination, party: 'subscriber', values: bookletIdentification() });
    const badDate = await failure(dealer().complete({ applicationId: termination, formData: { termination: { msisdn: '0671234567', terminationDate: '2023-02-30', reason: 'not-needed', refund: 'none' } } }));
    expect(badDate.message).toContain('termination.terminationDate');
  });

  it('identification: expired ID card, a minor, wrong RNOKPP date, HTML in the name kept as text', async () => {
    const { applicationId } = await simApplication();
    const expired = await failure(dealer().saveIdentification({ applicationId, party: 'subscriber', values: idCardIdentification({ expiresOn: '2025-01-01' }) }));
    expect(expired.code).toBe('BAD_REQUEST');
    expect(expired.message).toContain('values.expiresOn');
    const minor = await failure(dealer().saveIdentification({ applicationId, party: 'subscriber', values: bookletIdentification({ birthDate: '2010-01-01' }) }));
    expect(minor.message).toContain('values.birthDate');
    expect(minor.message).toContain('values.rnokpp');
    const noAttestation = await failure(dealer().saveIdentification({ applicationId, party: 'subscriber', values: bookletIdentification({ attested: false }) }));
    expect(noAttestation.message).toContain('values.attested');
    expect((await first(w.h.db.select({ n: count() }).from(identifications)))?.n).toBe(0);
    expect((await row(applicationId))?.status).toBe('draft');

    await dealer().saveIdentification({ applicationId, party: 'subscriber', values: idCardIdentification({ fullName: '<b>Шевченко</b> Петро Олегович' }) });
    const seen = await dealer().get({ applicationId });
    expect(seen.identifications[0]?.values.fullName).toBe('<b>Шевченко</b> Петро Олегович');
  });

  it('the number transfer needs both owners identified before it can be filled', async () => {
    const { applicationId } = await dealer().create({ chatId: w.chatId, templateId: 'number-transfer' });
    const one = await dealer().saveIdentification({ applicationId, party: 'currentOwner', values: bookletIdentification() });
    expect(one.status).toBe('draft');
    const both = await dealer().saveIdentification({ applicationId, party: 'newOwner', values: idCardIdentification() });
    expect(both.status).toBe('identified');
  });

  it('legal entity: two numbers with tariffs; an expired power of attorney is refused', async () => {
    const { applicationId } = await dealer().create({ chatId: w.chatId, templateId: 'legal-entity-numbers' });
    await dealer().saveIdentification({ applicationId, party: 'representative', values: idCardIdentification() });
    const form = {
      company: { name: 'ТОВ «Агро-Поділля»', edrpou: '34000003', legalAddress: 'м. Бар, вул. Соборна, 1', iban: 'UA213223130000026007233566001' },
      authority: { poaNumber: '15/2026', poaDate: '2026-01-15', poaValidUntil: '2026-12-31' },
      numbers: { lines: [{ msisdn: '0671112233', tariff: 'business-5' }, { msisdn: '0502223344', tariff: 'business-unlim' }] },
    };
    const expired = await failure(dealer().complete({ applicationId, formData: { ...form, authority: { ...form.authority, poaValidUntil: '2026-06-30' } } }));
    expect(expired.message).toContain('authority.poaValidUntil');
    const filled = await dealer().complete({ applicationId, formData: form });
    expect(filled.status).toBe('filled');
    expect((await row(applicationId))?.formData.numbers?.lines).toEqual([
      { msisdn: '+380671112233', tariff: 'business-5' },
      { msisdn: '+380502223344', tariff: 'business-unlim' },
    ]);
  });
});

describe('closing the chat (what the close-chat confirmation says)', () => {
  it('leaves its open applications as they are: the dealer still completes them, the chat operator still verifies, both still find them by the chat', async () => {
    const { applicationId } = await simApplication();
    await dealer().saveIdentification({ applicationId, party: 'subscriber', values: bookletIdentification() });
    const before = await row(applicationId);
    await w.as(w.world.operator).chat.close({ chatId: w.chatId });
    expect(await row(applicationId)).toEqual(before);
    expect((await dealer().list({ chatId: w.chatId })).map((a) => [a.id, a.status])).toEqual([[applicationId, 'identified']]);
    expect((await operator().list({ chatId: w.chatId })).map((a) => a.id)).toEqual([applicationId]);

    await dealer().complete({ applicationId, formData: SIM_FORM });
    expect((await operator().verify({ applicationId })).status).toBe('verified');
    // No new application in the closed chat.
    expect((await failure(dealer().create({ chatId: w.chatId, templateId: 'sim-replacement' }))).code).toBe('CONFLICT');
  });
});

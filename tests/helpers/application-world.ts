import { scribblePng } from '@/server/signing/sample-document';
import { isValidRnokpp, unzrCheckDigit } from '@/templates/validators';
import { chatWorld } from './chat-world';

/** A valid RNOKPP for a birth date: days since 1899-12-31, a serial, and the check digit found by trying. */
export function rnokppFor(birthDate: string, serial = '0123'): string {
  const days = Math.round((Date.parse(`${birthDate}T00:00:00Z`) - Date.parse('1899-12-31T00:00:00Z')) / 86_400_000);
  const stem = `${String(days).padStart(5, '0')}${serial}`;
  for (let d = 0; d <= 9; d += 1) if (isValidRnokpp(`${stem}${d}`)) return `${stem}${d}`;
  throw new Error(`no check digit for ${stem}`);
}

export function unzrFor(birthDate: string, serial = '0042'): string {
  const first12 = `${birthDate.replaceAll('-', '')}${serial}`;
  return `${first12.slice(0, 8)}-${first12.slice(8)}${unzrCheckDigit(first12)}`;
}

/** A valid passport-booklet identification of an adult, checked on 2026-11-25. */
export function bookletIdentification(overrides: Record<string, unknown> = {}) {
  const birthDate = '1985-03-14';
  return {
    fullName: 'Коваленко Марія Іванівна',
    birthDate,
    documentType: 'passport_booklet',
    documentNumber: 'КВ123456',
    issuer: 'Барським РВ УМВС України у Вінницькій області',
    issuedOn: '2001-04-20',
    rnokpp: rnokppFor(birthDate),
    noRnokpp: false,
    attested: true,
    ...overrides,
  };
}

export function idCardIdentification(overrides: Record<string, unknown> = {}) {
  const birthDate = '1990-07-01';
  return {
    fullName: 'Шевченко Петро Олегович',
    birthDate,
    documentType: 'id_card',
    documentNumber: '001234567',
    issuer: '0512',
    issuedOn: '2019-05-10',
    expiresOn: '2029-05-10',
    unzr: unzrFor(birthDate),
    rnokpp: rnokppFor(birthDate, '0456'),
    noRnokpp: false,
    attested: true,
    ...overrides,
  };
}

/** A lost SIM: the confirmation goes to the subscriber's other number, the number itself gets a notice. */
export const SIM_FORM = {
  number: { msisdn: '067 123 45 67', reason: 'lost', simType: 'physical', iccid: '8938001234567890123' },
  contact: { contactPhone: '050 111 22 33' },
};

/** The chat world with an active chat between the first dealer and the first operator. */
export async function applicationWorld() {
  const w = await chatWorld();
  await w.online(w.world.operator);
  const { chatId } = await w.as(w.world.dealer).chat.start({ topic: 'Заява' });
  await w.as(w.world.operator).operator.accept({ chatId });
  return { ...w, chatId };
}

export const TARIFF_FORM = { tariff: { msisdn: '050 765 43 21', currentTariff: 'smart-start', newTariff: 'bezlim', effective: 'now' } };

const signaturePng = (seed: number) => Buffer.from(scribblePng(360, 120, seed)).toString('base64');

/** An application of the world's chat identified, filled and verified by the operator: ready to sign. */
export async function verifiedApplication(w: Awaited<ReturnType<typeof applicationWorld>>, templateId: 'sim-replacement' | 'tariff-change' = 'sim-replacement', formData?: Record<string, Record<string, unknown>>) {
  const dealer = w.as(w.world.dealer).application;
  const { applicationId } = await dealer.create({ chatId: w.chatId, templateId });
  await dealer.saveIdentification({ applicationId, party: 'subscriber', values: bookletIdentification() });
  await dealer.complete({ applicationId, formData: formData ?? (templateId === 'sim-replacement' ? SIM_FORM : TARIFF_FORM) });
  const verified = await w.as(w.world.operator).application.verify({ applicationId });
  return { applicationId, version: verified.version };
}

/**
 * An application of the world's chat taken to `signed` (identified, filled, verified by the
 * operator, signed by the subscriber and the dealer). Sensitive SIM replacement by default; the
 * form's values may be given.
 */
export async function signedApplication(w: Awaited<ReturnType<typeof applicationWorld>>, templateId: 'sim-replacement' | 'tariff-change' = 'sim-replacement', formData?: Record<string, Record<string, unknown>>) {
  const dealer = w.as(w.world.dealer).application;
  const verified = await verifiedApplication(w, templateId, formData);
  const applicationId = verified.applicationId;
  const signed = await dealer.sign({
    applicationId,
    version: verified.version,
    signatures: [
      { party: 'subscriber', name: 'Коваленко Марія Іванівна', image: signaturePng(1) },
      { party: 'dealer', name: w.world.dealer.name, image: signaturePng(2) },
    ],
  });
  return { applicationId, version: signed.version };
}

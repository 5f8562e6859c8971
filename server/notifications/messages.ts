import type { ApplicationStatus } from '@/db/schema';
import type { TemplateDef } from '@/templates';

/**
 * What the subscriber reads. SMS in Ukrainian, each within 2 UCS-2 segments (at most 134
 * characters, link included, for an APP_URL of up to 30 characters: tests/unit/sms-length.test.ts);
 * the page behind the link says the rest and switches language. E-mail in Ukrainian and English.
 * `{token}` is filled in by the sender.
 */
export const SMS_MAX_CHARACTERS = 134;

/** The confirmation link (to the number itself, or to the subscriber's other number / e-mail). */
export function confirmationRequest(input: { number: string; template: TemplateDef; linkBase: string }) {
  const link = `${input.linkBase}/s/{token}`;
  return {
    subject: `Заява ${input.number} / Application ${input.number}`,
    sms: `Підтвердьте заяву ${input.number} або натисніть «Це не я»: ${link}`,
    email: [
      `Від вашого імені подано заяву ${input.number} «${input.template.title.uk}».`,
      `Перегляньте її та підтвердьте: ${link}`,
      'Якщо ви її не подавали, відкрийте посилання й натисніть «Це не я».',
      '',
      `Application ${input.number} (${input.template.title.en}) was submitted in your name.`,
      `Review and confirm it: ${link}`,
      'If you did not ask for it, open the link and press "This was not me".',
    ].join('\n'),
  };
}

/** The notice to the number concerned when its SIM cannot receive the confirmation: it can only say "this was not me". */
export function noticeToNumber(input: { number: string; template: TemplateDef; linkBase: string }) {
  const link = `${input.linkBase}/s/{token}`;
  const what = input.template.guard?.noticeUk ?? input.template.title.uk;
  return {
    subject: `Заява ${input.number} / Application ${input.number}`,
    sms: `Заява ${input.number}: ${what}. Не ви? «Це не я»: ${link}`,
    email: [`Заява ${input.number}: ${what}. Якщо це не ви, натисніть «Це не я»: ${link}`, '', `Application ${input.number} (${input.template.title.en}) concerns your number. If it was not you, press "This was not me": ${link}`].join('\n'),
  };
}

const OUTCOME: Partial<Record<ApplicationStatus, { uk: string; en: string }>> = {
  approved: { uk: 'схвалено', en: 'approved' },
  rejected: { uk: 'відхилено', en: 'rejected' },
};

export function decisionNotice(input: { number: string; status: ApplicationStatus; linkBase: string }) {
  const outcome = OUTCOME[input.status] ?? { uk: input.status, en: input.status };
  const link = `${input.linkBase}/s/{token}`;
  return {
    subject: `Заява ${input.number}: ${outcome.uk} / Application ${input.number}: ${outcome.en}`,
    sms: `Заяву ${input.number} ${outcome.uk}. Деталі: ${link}`,
    email: [`Заяву ${input.number} ${outcome.uk}. Деталі: ${link}`, '', `Application ${input.number} was ${outcome.en}. Details: ${link}`].join('\n'),
  };
}

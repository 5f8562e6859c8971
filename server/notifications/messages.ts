import type { ApplicationStatus } from '@/db/schema';
import type { TemplateDef } from '@/templates';

/**
 * What the subscriber reads. SMS in Ukrainian (short); e-mail in Ukrainian and English. `{token}`
 * is filled in by the sender; the link's page itself switches language.
 */
export function confirmationRequest(input: { number: string; template: TemplateDef; linkBase: string }) {
  const link = `${input.linkBase}/s/{token}`;
  return {
    subject: `Заява ${input.number} / Application ${input.number}`,
    sms: `Подано заяву ${input.number} «${input.template.title.uk}» від вашого імені. Перегляньте і підтвердьте: ${link} Якщо це не ви, натисніть там «Це не я».`,
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

import type { ConfirmationMode } from '../db/column-values';
import type { TemplateDef } from './define-template';
import { normalizeUaMobile } from './validators/phone';

/**
 * Where the subscriber's messages of a submission go (free of the server, so the dealer's form can
 * say it before submitting):
 * - `number`: the confirmation link goes to the number (and the e-mail) the template names — a
 *   form without a guard, or a guarded one whose SIM still works;
 * - `contact`: the number's SIM cannot receive, so the number gets a notice (dispute only) and the
 *   confirmation goes to the subscriber's other number and/or e-mail;
 * - `waitingPeriod`: no other contact: only the notice; the back office may approve once the
 *   waiting period passed without a dispute.
 */
export { CONFIRMATION_MODES, type ConfirmationMode } from '../db/column-values';

export interface Recipient {
  channel: 'sms' | 'email';
  recipient: string;
}

export interface ConfirmationRoute {
  mode: ConfirmationMode;
  /** The number concerned, told and able to say "this was not me" (only when it is not also the confirmation's). */
  notice: Recipient | null;
  confirm: Recipient[];
}

type FormData = Record<string, Record<string, unknown> | undefined>;

/** Reads `section.field` or `section.list.0.field` from form data. */
export function valueAt(formData: FormData, path: string): unknown {
  let node: unknown = formData;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

const filled = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const firstFilled = (formData: FormData, paths: string[] = []) => paths.map((p) => valueAt(formData, p)).find(filled);
/** A typed number as the server stores it (+380…); what cannot be read stays as typed. */
const phone = (value: string) => normalizeUaMobile(value) ?? value.trim();

/** The recipients the template names (`notify`): the subscriber's own number and e-mail. */
export function notifyRecipients(template: TemplateDef, formData: FormData): Recipient[] {
  const sms = firstFilled(formData, template.notify.phone);
  const email = firstFilled(formData, template.notify.email);
  return [...(sms ? [{ channel: 'sms' as const, recipient: phone(sms) }] : []), ...(email ? [{ channel: 'email' as const, recipient: email.trim() }] : [])];
}

/** Whether the guarded number's SIM cannot receive (lost, stolen, broken) by the form's answer. */
export function numberUnreachable(template: TemplateDef, formData: FormData): boolean {
  const guard = template.guard;
  if (!guard) return false;
  const answer = valueAt(formData, guard.unreachableWhen.field);
  return typeof answer === 'string' && guard.unreachableWhen.in.includes(answer);
}

export function confirmationRoute(template: TemplateDef, formData: FormData): ConfirmationRoute {
  const guard = template.guard;
  if (!guard || !numberUnreachable(template, formData)) return { mode: 'number', notice: null, confirm: notifyRecipients(template, formData) };
  const number = valueAt(formData, guard.number);
  const notice = filled(number) ? { channel: 'sms' as const, recipient: phone(number) } : null;
  const contactPhone = valueAt(formData, `${guard.contactSection}.contactPhone`);
  const contactEmail = valueAt(formData, `${guard.contactSection}.contactEmail`);
  const confirm: Recipient[] = [
    ...(filled(contactPhone) ? [{ channel: 'sms' as const, recipient: phone(contactPhone) }] : []),
    ...(filled(contactEmail) ? [{ channel: 'email' as const, recipient: contactEmail.trim() }] : []),
  ];
  return { mode: confirm.length > 0 ? 'contact' : 'waitingPeriod', notice, confirm };
}

/**
 * The guard's rules on a complete form, as zod issues (path, message key under `validation.`):
 * the contact number is not the number concerned; where the number cannot receive, a reachable
 * contact is given or "no other contact" is ticked — not both.
 */
export function guardIssues(template: TemplateDef, formData: FormData): { path: string[]; message: string }[] {
  const guard = template.guard;
  if (!guard) return [];
  const section = guard.contactSection;
  const contactPhone = valueAt(formData, `${section}.contactPhone`);
  const contactEmail = valueAt(formData, `${section}.contactEmail`);
  const noContact = valueAt(formData, `${section}.noContact`) === true;
  const number = valueAt(formData, guard.number);
  const issues: { path: string[]; message: string }[] = [];
  if (filled(contactPhone) && filled(number) && phone(contactPhone) === phone(number)) issues.push({ path: [section, 'contactPhone'], message: 'contactSameAsNumber' });
  if (!numberUnreachable(template, formData)) return issues;
  const hasContact = filled(contactPhone) || filled(contactEmail);
  if (!hasContact && !noContact) issues.push({ path: [section, 'contactPhone'], message: 'confirmationContactRequired' });
  if (hasContact && noContact) issues.push({ path: [section, 'noContact'], message: 'noContactButContactGiven' });
  return issues;
}

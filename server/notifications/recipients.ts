import type { NotificationChannelName } from '@/db/schema';
import type { TemplateDef } from '@/templates';

/** Reads `section.field` or `section.list.0.field` from form data. */
function valueAt(formData: Record<string, Record<string, unknown>>, path: string): unknown {
  let node: unknown = formData;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

const firstFilled = (formData: Record<string, Record<string, unknown>>, paths: string[] = []) =>
  paths.map((p) => valueAt(formData, p)).find((v): v is string => typeof v === 'string' && v.trim() !== '');

/**
 * Where the subscriber's notifications go: the template names the fields (the subscriber's own
 * number, or the contact number when the SIM is lost). Never anything a dealer types elsewhere.
 */
export function recipientsOf(template: TemplateDef, formData: Record<string, Record<string, unknown>>): { channel: NotificationChannelName; recipient: string }[] {
  const phone = firstFilled(formData, template.notify.phone);
  const email = firstFilled(formData, template.notify.email);
  return [...(phone ? [{ channel: 'sms' as const, recipient: phone }] : []), ...(email ? [{ channel: 'email' as const, recipient: email }] : [])];
}

import { z } from 'zod';
import type { SignedInContext } from '@/server/context';
import { draftSchema } from '@/templates/schema-from-template';
import { changeApplication } from './change-application';

/** Form values are checked against the template by the verb (the shape depends on the template). */
export const formDataInput = z.record(z.string().max(60), z.record(z.string().max(60), z.unknown()));
export const saveDraftInput = z.object({ applicationId: z.uuid('invalidId'), version: z.number().int().min(1).optional(), formData: formDataInput });

/** Autosave while the dealer types: any subset of the template's fields, nothing required yet. */
export function saveDraft({ ctx, input }: { ctx: SignedInContext; input: z.infer<typeof saveDraftInput> }) {
  return changeApplication(ctx, {
    applicationId: input.applicationId,
    action: 'edit',
    expectedVersion: input.version,
    work: ({ application, template }) => {
      const draft = draftSchema(template).parse(input.formData);
      const merged = { ...application.formData };
      for (const [section, values] of Object.entries(draft)) merged[section] = { ...merged[section], ...values };
      return { changes: { formData: merged }, audit: { sections: Object.keys(draft) } };
    },
  });
}

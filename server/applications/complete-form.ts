import type { z } from 'zod';
import type { SignedInContext } from '@/server/context';
import { formSchema } from '@/templates/schema-from-template';
import { changeApplication } from './change-application';
import { saveDraftInput } from './save-draft';

export const completeFormInput = saveDraftInput;

/** "Complete": every required field present and valid (cross-field rules included) → `filled`. */
export function completeForm({ ctx, input }: { ctx: SignedInContext; input: z.infer<typeof completeFormInput> }) {
  return changeApplication(ctx, {
    applicationId: input.applicationId,
    action: 'fill',
    expectedVersion: input.version,
    work: ({ application, template }) => ({
      changes: { formData: formSchema(template, { applicationDate: application.applicationDate }).parse(input.formData) },
      facts: { formComplete: true },
    }),
  });
}

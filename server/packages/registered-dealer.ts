import { eq } from 'drizzle-orm';
import { first } from '@/db/client';
import { z } from 'zod';
import { dealers } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { invalid } from '@/server/errors/domain-error';
import { isValidEdrpou } from '@/templates/validators';

export const registeredDealerInput = z.object({ edrpou: z.string().trim().regex(/^\d{8}$/, 'edrpouFormat') });
export const registeredDealerOutput = z.object({ name: z.string(), status: z.enum(['active', 'suspended']) }).nullable();

/**
 * A dealer company registered under this EDRPOU (or null). The package editor's remembered
 * companies are the clients operators prepared packages for; a dealer company can be such a client
 * too, and the editor then says whose code it is instead of calling it a new company.
 */
export async function registeredDealer({ ctx, input }: { ctx: SignedInContext; input: z.infer<typeof registeredDealerInput> }): Promise<z.infer<typeof registeredDealerOutput>> {
  if (!isValidEdrpou(input.edrpou)) throw invalid('validation.edrpouChecksum', 'The EDRPOU code is not valid (check digit)');
  return (await first(ctx.db.select({ name: dealers.name, status: dealers.status }).from(dealers).where(eq(dealers.edrpou, input.edrpou)))) ?? null;
}

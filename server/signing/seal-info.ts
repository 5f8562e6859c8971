import { z } from 'zod';
import type { VerbContext } from '@/server/context';
import { getSealKey } from './seal-certificate';

export const sealInfoDto = z.object({ subject: z.string(), development: z.boolean(), validFrom: z.date(), validUntil: z.date() });

/** Which certificate seals the PDFs, and whether it is the development one (admins see this). */
export function sealInfo(_: { ctx: VerbContext }): z.infer<typeof sealInfoDto> {
  const key = getSealKey();
  return { subject: key.subject, development: key.development, validFrom: key.certificate.validity.notBefore, validUntil: key.certificate.validity.notAfter };
}

import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { first, type Tx } from '@/db/client';
import { pointsOfSale, signatures } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { DomainError, invalid } from '@/server/errors/domain-error';
import { fileAttempt, type FileAttempt } from '@/server/files/stored-files';
import type { Emitter } from '@/server/realtime/change-and-publish';
import { buildDocumentModel } from '@/server/signing/document-model';
import { pdfPool } from '@/server/signing/pdf-pool';
import { companyName, getSealKey } from '@/server/signing/seal-certificate';
import type { FileStorage } from '@/server/storage/file-storage';
import { singleLine } from '@/templates/validators/user-text';
import { changeInTx, loadForChange } from './change-application';
import { documentInput } from './document-input';

export const DEALER_PARTY = 'dealer';
export const MAX_SIGNATURE_BYTES = 512 * 1024;

/** The signatures of one signing: every party's and the dealer's, each drawn or typed. */
export const signaturesInput = z
  .array(
    z.object({
      party: z.string().min(1).max(40),
      name: singleLine().min(2, 'fullNameTooShort').max(200, 'tooLong'),
      /** A drawn signature: PNG as base64. */
      image: z.string().max(Math.ceil((MAX_SIGNATURE_BYTES * 4) / 3) + 4, 'signatureTooLarge').optional(),
      /** The typed-name fallback, when drawing is not possible. */
      typedName: singleLine().min(2, 'fullNameTooShort').max(200, 'tooLong').optional(),
    }),
  )
  .min(1)
  .max(6);

/** What one application's signing needs: the version the dealer saw and the signatures. */
export interface SigningInput {
  applicationId: string;
  version: number;
  signatures: z.infer<typeof signaturesInput>;
}

export type SigningContext = SignedInContext & { ip: string; userAgent: string; appUrl: string; storage: FileStorage };

/**
 * A signed PDF rendered, sealed and stored, waiting to be recorded by `commit`; then `files.keep()`
 * after the commit, or `files.discard()` after a failure (see server/files/stored-files.ts).
 */
export interface PreparedSigning {
  applicationId: string;
  pdfSha256: string;
  commit(tx: Tx, emitter: Emitter): Promise<{ applicationId: string; status: string; version: number; pdfSha256: string }>;
  files: FileAttempt;
}

/** The checks, the rendering, the seal and the stored files of one application's signing; recorded later by `commit`. */
export async function prepareSigning({ ctx, input }: { ctx: SigningContext; input: SigningInput }): Promise<PreparedSigning> {
  // Before the costly rendering: the table and the guards (the dealer's company), asked again inside the transaction.
  const { application, template } = await loadForChange(ctx.db, ctx.actor, { applicationId: input.applicationId, action: 'sign' });
  const required = [...template.parties.map((p) => p.key), DEALER_PARTY];
  const given = new Map(input.signatures.map((s) => [s.party, s]));
  for (const party of given.keys()) if (!required.includes(party)) throw invalid('errors.unknownParty', `The form has no party "${party}"`);
  const missing = required.filter((p) => !given.has(p));
  if (missing.length) throw invalid('errors.signaturesMissing', `Signatures are missing: ${missing.join(', ')}`, { missing });

  const images = new Map<string, Buffer>();
  for (const signature of input.signatures) {
    if (Boolean(signature.image) === Boolean(signature.typedName)) throw invalid('errors.signatureEitherOr', `Give either a drawn or a typed signature for ${signature.party}`);
    if (!signature.image) continue;
    const png = Buffer.from(signature.image, 'base64');
    if (png.length > MAX_SIGNATURE_BYTES) throw new DomainError('invalid', 'errors.signatureTooLarge', `The signature image of ${signature.party} is larger than 512 KB`);
    const check = await pdfPool().checkPng(png);
    if (!check.ok) throw invalid(check.reason === 'empty' ? 'errors.signatureEmpty' : 'errors.signatureNotPng', `The signature of ${signature.party} is ${check.reason === 'empty' ? 'empty' : 'not a usable PNG image'}`);
    images.set(signature.party, png);
  }

  // Gather what the document shows, then render and seal it on a PDF worker thread.
  const now = ctx.clock.now();
  const pointOfSale = ctx.actor.pointOfSaleId
    ? await first(ctx.db.select({ name: pointsOfSale.name, town: pointsOfSale.town, address: pointsOfSale.address }).from(pointsOfSale).where(eq(pointsOfSale.id, ctx.actor.pointOfSaleId)))
    : undefined;
  const place = pointOfSale ? `${pointOfSale.town}, ${pointOfSale.address}` : '';
  const key = getSealKey();
  const model = buildDocumentModel(
    await documentInput(ctx.db, {
      application,
      template,
      appUrl: ctx.appUrl,
      developmentSeal: key.development,
      signatures: input.signatures.map((s) => ({ party: s.party, name: s.name, signedAt: now, place, png: images.get(s.party) ?? null, typedName: s.typedName ?? null })),
    }),
  );
  const pdf = await pdfPool().seal(
    model,
    { reason: `Заява ${application.number}`, location: place || 'Україна', contact: companyName(), signingTime: now },
  );
  const pdfSha256 = createHash('sha256').update(pdf).digest('hex');
  const pdfKey = `pdfs/${pdfSha256.slice(0, 2)}/${pdfSha256}.pdf`;
  const imageKeys = new Map([...images].map(([party, png]) => [party, `signatures/${createHash('sha256').update(png).digest('hex')}.png`]));
  const files = fileAttempt(ctx.db, ctx.storage);
  try {
    await files.put(pdfKey, pdf);
    for (const [party, png] of images) await files.put(imageKeys.get(party) ?? '', png);
  } catch (error) {
    await files.discard();
    throw error;
  }
  return {
    applicationId: application.id,
    pdfSha256,
    files,
    async commit(tx, emitter) {
      const result = await changeInTx(ctx, tx, emitter, {
        applicationId: application.id,
        action: 'sign',
        expectedVersion: input.version,
        work: (fresh) => ({
          changes: { pdfKey, pdfSha256, sealedAt: now },
          audit: { pdfSha256, parties: required },
          facts: { allSignaturesPresent: true },
          after: async (tx) => {
            await tx.delete(signatures).where(eq(signatures.applicationId, fresh.application.id));
            for (const s of input.signatures) {
              await tx
                .insert(signatures)
                .values({ applicationId: fresh.application.id, party: s.party, signerName: s.name, imageKey: imageKeys.get(s.party) ?? null, typedName: s.typedName ?? null, signedAt: now, ip: ctx.ip, userAgent: ctx.userAgent.slice(0, 500), pointOfSaleId: ctx.actor.pointOfSaleId, createdAt: now });
            }
          },
          note: { key: 'applicationSigned', params: { number: fresh.application.number } },
        }),
      });
      return { ...result, pdfSha256 };
    },
  };
}

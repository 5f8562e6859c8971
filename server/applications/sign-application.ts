import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { applications, pointsOfSale, signatures } from '@/db/schema';
import { singleLine } from '@/templates/validators/user-text';
import type { SignedInContext } from '@/server/context';
import { DomainError, invalid, notFound } from '@/server/errors/domain-error';
import { fileAttempt, type FileAttempt } from '@/server/files/stored-files';
import type { Tx } from '@/db/client';
import { changeAndPublish, type Emitter } from '@/server/realtime/change-and-publish';
import { buildDocumentModel } from '@/server/signing/document-model';
import { pdfPool } from '@/server/signing/pdf-pool';
import { companyName, getSealKey } from '@/server/signing/seal-certificate';
import type { FileStorage } from '@/server/storage/file-storage';
import { assertActionAllowed, transition } from '@/server/workflow/transition';
import { gatherFacts, getApplicationForActor } from './application-access';
import { announceApplicationChange } from './application-events';
import { documentInput } from './document-input';

export const DEALER_PARTY = 'dealer';
export const MAX_SIGNATURE_BYTES = 512 * 1024;

export const signInput = z.object({
  applicationId: z.uuid('invalidId'),
  version: z.number().int().min(1),
  signatures: z
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
    .max(6),
});
export type SignInput = z.infer<typeof signInput>;

type SigningContext = SignedInContext & { ip: string; userAgent: string; appUrl: string };

/**
 * A signed PDF rendered, sealed and stored, waiting to be recorded by `commit`; then `files.keep()`
 * after the commit, or `files.discard()` after a failure (see server/files/stored-files.ts).
 */
export interface PreparedSigning {
  applicationId: string;
  pdfSha256: string;
  commit(tx: Tx, emitter: Emitter): { applicationId: string; status: string; version: number; pdfSha256: string };
  files: FileAttempt;
}

/**
 * Every party and the dealer sign; the PDF is rendered from the template and sealed (outside the
 * transaction: it is async), stored under its sha256 and then, in one transaction, the
 * signatures, the file's hash and `signed` are recorded with the audit event. If anything fails,
 * the application stays `verified` and the files this attempt created are removed — never the
 * same images another application already uses.
 */
export async function signApplication({ ctx, input, storage }: { ctx: SigningContext; input: SignInput; storage: FileStorage }) {
  const prepared = await prepareSigning({ ctx, input, storage });
  let result;
  try {
    result = changeAndPublish(ctx, (tx, emitter) => prepared.commit(tx, emitter));
  } catch (error) {
    await prepared.files.discard();
    throw error;
  }
  await prepared.files.keep();
  return result;
}

/** The checks, the rendering, the seal and the stored files of one application's signing; recorded later by `commit`. */
export async function prepareSigning({ ctx, input, storage }: { ctx: SigningContext; input: SignInput; storage: FileStorage }): Promise<PreparedSigning> {
  const { application, template } = getApplicationForActor(ctx.db, ctx.actor, input.applicationId);
  if (ctx.actor.role !== 'dealer' || ctx.actor.dealerId !== application.dealerId) throw notFound('Application');
  // Before the costly rendering: the same check transition() makes again inside the transaction.
  assertActionAllowed(application.status, 'sign', ctx.actor.role);
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
    ? ctx.db.select({ name: pointsOfSale.name, town: pointsOfSale.town, address: pointsOfSale.address }).from(pointsOfSale).where(eq(pointsOfSale.id, ctx.actor.pointOfSaleId)).get()
    : undefined;
  const place = pointOfSale ? `${pointOfSale.town}, ${pointOfSale.address}` : '';
  const key = getSealKey();
  const pdf = await pdfPool().seal(
    buildDocumentModel(
      documentInput(ctx.db, {
        application,
        template,
        appUrl: ctx.appUrl,
        developmentSeal: key.development,
        signatures: input.signatures.map((s) => ({ party: s.party, name: s.name, signedAt: now, place, png: images.get(s.party) ?? null, typedName: s.typedName ?? null })),
      }),
    ),
    { reason: `Заява ${application.number}`, location: place || 'Україна', contact: companyName(), signingTime: now },
  );
  const pdfSha256 = createHash('sha256').update(pdf).digest('hex');
  const pdfKey = `pdfs/${pdfSha256.slice(0, 2)}/${pdfSha256}.pdf`;
  const imageKeys = new Map([...images].map(([party, png]) => [party, `signatures/${createHash('sha256').update(png).digest('hex')}.png`]));
  const files = fileAttempt(ctx.db, storage);
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
    commit(tx, emitter) {
      const fresh = tx.select().from(applications).where(eq(applications.id, application.id)).get();
      if (!fresh) throw notFound('Application');
      const facts = gatherFacts(tx, fresh, template, null);
      const updated = transition(tx, {
        application: fresh,
        action: 'sign',
        actor: ctx.actor,
        facts: { ...facts, allSignaturesPresent: true },
        expectedVersion: input.version,
        changes: { pdfKey, pdfSha256, sealedAt: now },
        audit: { pdfSha256, parties: required },
        now,
      });
      tx.delete(signatures).where(eq(signatures.applicationId, fresh.id)).run();
      for (const s of input.signatures) {
        tx.insert(signatures)
          .values({ applicationId: fresh.id, party: s.party, signerName: s.name, imageKey: imageKeys.get(s.party) ?? null, typedName: s.typedName ?? null, signedAt: now, ip: ctx.ip, userAgent: ctx.userAgent.slice(0, 500), pointOfSaleId: ctx.actor.pointOfSaleId, createdAt: now })
          .run();
      }
      announceApplicationChange(tx, emitter, updated, now, { key: 'applicationSigned', params: { number: updated.number } });
      return { applicationId: updated.id, status: updated.status, version: updated.version, pdfSha256 };
    },
  };
}

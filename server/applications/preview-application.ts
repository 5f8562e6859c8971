import type { SignedInContext } from '@/server/context';
import { buildDocumentModel } from '@/server/signing/document-model';
import { pdfPool } from '@/server/signing/pdf-pool';
import { getSealKey } from '@/server/signing/seal-certificate';
import { getApplicationForActor } from './application-access';
import { documentInput } from './document-input';

/** The document as it will be printed, without signatures or seal: what the signers look at first (rendered on a PDF worker thread). */
export async function previewPdf({ ctx, input }: { ctx: SignedInContext & { appUrl: string }; input: { applicationId: string } }): Promise<Uint8Array> {
  const { application, template } = await getApplicationForActor(ctx.db, ctx.actor, input.applicationId);
  const model = buildDocumentModel(await documentInput(ctx.db, { application, template, appUrl: ctx.appUrl, developmentSeal: getSealKey().development, signatures: [] }));
  return pdfPool().preview(model);
}

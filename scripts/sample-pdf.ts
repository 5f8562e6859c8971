// npm run sample:pdf -- <out.pdf> [template-id]: a sealed sample PDF of any form with demo data.
import fs from 'node:fs';
import { buildDocumentModel } from '../server/signing/document-model';
import { renderPdf } from '../server/signing/render-pdf';
import { sampleDocument } from '../server/signing/sample-document';
import { companyName, getSealKey } from '../server/signing/seal-certificate';
import { sealPdf } from '../server/signing/seal-pdf';
import { findTemplate, TEMPLATES } from '../templates';

const [out, templateId = 'sim-replacement'] = process.argv.slice(2);
const template = findTemplate(templateId);
if (!out || !template) {
  console.error(`usage: npm run sample:pdf -- <out.pdf> [template-id]\ntemplates: ${TEMPLATES.map((t) => t.id).join(', ')}`);
  process.exit(2);
}
const key = getSealKey();
const input = sampleDocument(template, { company: companyName(), verifyUrl: `${process.env.APP_URL ?? 'http://localhost:3000'}/verify?a=sample`, developmentSeal: key.development });
const doc = await renderPdf(buildDocumentModel(input));
const sealed = await sealPdf(doc, key, { reason: `Заява ${input.number}`, location: 'Бар', contact: companyName(), signingTime: new Date() });
fs.writeFileSync(out, sealed);
console.log(`wrote ${out} (${sealed.length} bytes, ${template.id}, sealed by "${key.subject}"${key.development ? ', DEVELOPMENT certificate' : ''})`);

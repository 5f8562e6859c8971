import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDocumentModel } from '@/server/signing/document-model';
import { renderPdf } from '@/server/signing/render-pdf';
import { sampleDocument } from '@/server/signing/sample-document';
import { createSelfSignedP12, getSealKey, parseP12 } from '@/server/signing/seal-certificate';
import { sealPdf } from '@/server/signing/seal-pdf';
import { checkPdfSignature } from '@/server/signing/verify-pdf';
import { TEMPLATES } from '@/templates';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-pdf-'));
process.env.DATA_DIR = dir;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const has = (tool: string) => {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const run = (tool: string, args: string[]) => {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' });
  } catch (error) {
    // pdfsig exits non-zero for an invalid signature; its report is what we judge.
    return String((error as { stdout?: string }).stdout ?? '');
  }
};
// poppler-utils and qpdf are installed by .ci/run and by `npm test` as root; elsewhere these checks are skipped.
const independentTools = has('pdfsig') && has('qpdf') && has('pdftotext');

async function sealed(templateId: string): Promise<string> {
  const template = TEMPLATES.find((t) => t.id === templateId);
  if (!template) throw new Error(templateId);
  const key = getSealKey();
  const doc = await renderPdf(buildDocumentModel(sampleDocument(template, { company: 'ТОВ «Мобільний оператор»', verifyUrl: 'http://localhost/verify?a=x', developmentSeal: key.development })));
  const bytes = await sealPdf(doc, key, { reason: 'test', location: 'Бар', contact: 'test', signingTime: new Date() });
  const file = path.join(dir, `${templateId}.pdf`);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('the sealed PDF', () => {
  it('uses a development seal when none is configured, generated once under DATA_DIR', () => {
    const key = getSealKey();
    expect(key.development).toBe(true);
    expect(fs.existsSync(path.join(dir, 'certs', 'development-seal.p12'))).toBe(true);
    expect(getSealKey()).toBe(key);
  });

  it('the seal check tells the development seal (a test one) from a company’s certificate', async () => {
    const template = TEMPLATES[0];
    if (!template) throw new Error('no template');
    const doc = () => renderPdf(buildDocumentModel(sampleDocument(template, { company: 'ТОВ «Мобільний оператор»', verifyUrl: 'http://localhost/verify?a=x', developmentSeal: false })));
    const info = { reason: 'test', location: 'Бар', contact: 'test', signingTime: new Date() };
    const development = checkPdfSignature(await sealPdf(await doc(), getSealKey(), info));
    expect(development).toMatchObject({ valid: true, developmentSeal: true });
    const { p12, password } = createSelfSignedP12({ commonName: 'Mobile Operator seal', organization: 'Mobile Operator LLC' });
    const company = checkPdfSignature(await sealPdf(await doc(), parseP12(p12, password, false), info));
    expect(company).toMatchObject({ valid: true, developmentSeal: false, signer: 'Mobile Operator seal' });
  });

  for (const template of TEMPLATES) {
    it.runIf(independentTools)(`${template.id}: pdfsig says the signature is valid, qpdf finds no errors, Ukrainian text is there`, async () => {
      const file = await sealed(template.id);
      const report = run('pdfsig', [file]);
      expect(report).toContain('Signature Type: ETSI.CAdES.detached');
      expect(report).toContain('Signature is Valid');
      expect(run('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors');
      const text = run('pdftotext', [file, '-']).replace(/\s+/g, ' ');
      expect(text).toContain(template.title.uk);
      expect(text).toContain('Ідентифікація');
      expect(text).toMatch(/Журнал дій/);
      expect(fs.statSync(file).size).toBeLessThan(300 * 1024);
    });
  }

  it.runIf(independentTools)('a one-byte change inside the signed ranges makes pdfsig report it invalid', async () => {
    const file = await sealed('sim-replacement');
    const bytes = fs.readFileSync(file);
    const at = bytes.indexOf('Заява') > 0 ? bytes.indexOf('/Producer') : 200;
    bytes[at + 2] = (bytes[at + 2] ?? 0) ^ 0x01;
    const changed = path.join(dir, 'changed.pdf');
    fs.writeFileSync(changed, bytes);
    expect(run('pdfsig', [changed])).not.toContain('Signature is Valid');
  });
});

// npm run bench:pdf — the app's document pipeline against a naive one (bench/lib/naive-pdf.ts), in
// the same process and the same run: each round renders and seals the SIM-replacement document
// (two drawn signatures, audit page) once with each, alternating, so the machine's load falls on
// both alike. Also the same document through the PDF worker pool (what a request awaits) and the
// legal-entity document. Last line: {"median_ms","naive_median_ms","ratio","bytes", ...detail}.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildDocumentModel, type DocumentModel } from '../server/signing/document-model';
import { sealDocument } from '../server/signing/pdf-jobs';
import { createPdfPool } from '../server/signing/pdf-pool';
import { renderPdf } from '../server/signing/render-pdf';
import { sampleDocument } from '../server/signing/sample-document';
import { getSealKey, sealKeySource } from '../server/signing/seal-certificate';
import { sealPdf } from '../server/signing/seal-pdf';
import { checkPdfSignature } from '../server/signing/verify-pdf';
import { findTemplate } from '../templates';
import { naiveSealedPdf } from './lib/naive-pdf';
import { percentile } from './lib/server';

const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const WARM_UP = 5;
process.env.DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-bench-pdf-'));
const key = getSealKey(); // parsed once, as in the app
const source = sealKeySource();

const round1 = (x: number) => Math.round(x * 10) / 10;
const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 0.5);
const info = () => ({ reason: 'Заява DD-2026-000123', location: 'Бар, вул. Соборна, 14', contact: 'ТОВ «Мобільний оператор»', signingTime: new Date() });

function model(templateId: string): DocumentModel {
  const template = findTemplate(templateId);
  if (!template) throw new Error(templateId);
  return buildDocumentModel(sampleDocument(template, { company: 'ТОВ «Мобільний оператор»', verifyUrl: 'https://desk.example.ua/verify?a=00000000-0000-0000-0000-000000000000', developmentSeal: key.development }));
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const result = await fn();
  return [performance.now() - t0, result];
}

function pageCount(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/** The app's pipeline and the naive one, alternating, on the same model. */
async function compare(m: DocumentModel) {
  const app: number[] = [];
  const naive: number[] = [];
  const render: number[] = [];
  let appPdf: Uint8Array = new Uint8Array();
  let naivePdf: Uint8Array = new Uint8Array();
  for (let i = 0; i < RUNS + WARM_UP; i += 1) {
    const [a, pdf] = await timed(() => sealDocument(m, key, info()));
    const [n, npdf] = await timed(() => naiveSealedPdf(m, source.p12, source.password, info()));
    const [r] = await timed(() => renderPdf(m));
    if (i < WARM_UP) continue;
    app.push(a);
    naive.push(n);
    render.push(r);
    appPdf = pdf;
    naivePdf = npdf;
  }
  // The seal step alone, for the profile summary.
  const seal: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const doc = await renderPdf(m);
    seal.push((await timed(() => sealPdf(doc, key, info())))[0]);
  }
  return { app, naive, render, seal, appPdf, naivePdf };
}

const sim = model('sim-replacement');
const result = await compare(sim);

// Through the pool, one at a time: what a signing request awaits (worker already warm).
const pool = createPdfPool({ threads: 1, maxQueue: 4, seal: source });
for (let i = 0; i < WARM_UP; i += 1) await pool.seal(sim, info());
const pooled: number[] = [];
for (let i = 0; i < Math.min(RUNS, 30); i += 1) pooled.push((await timed(() => pool.seal(sim, info())))[0]);
await pool.close();

const legalTimes: number[] = [];
const legal = model('legal-entity-numbers');
let legalBytes = 0;
for (let i = 0; i < Math.min(RUNS, 30) + WARM_UP; i += 1) {
  const [t, pdf] = await timed(() => sealDocument(legal, key, info()));
  if (i >= WARM_UP) legalTimes.push(t);
  legalBytes = pdf.length;
}

const appMedian = median(result.app);
const naiveMedian = median(result.naive);
const appCheck = checkPdfSignature(Buffer.from(result.appPdf));
const naiveCheck = checkPdfSignature(Buffer.from(result.naivePdf));
console.error(
  `[bench:pdf] sim-replacement: app median ${round1(appMedian)} ms (render ${round1(median(result.render))}, placeholder+save+sign ${round1(median(result.seal))}), naive median ${round1(naiveMedian)} ms, ratio ${(appMedian / naiveMedian).toFixed(3)}; ${result.appPdf.length} bytes (naive ${result.naivePdf.length}); through the pool ${round1(median(pooled))} ms`,
);
console.log(
  JSON.stringify({
    median_ms: round1(appMedian),
    naive_median_ms: round1(naiveMedian),
    ratio: Math.round((appMedian / naiveMedian) * 1000) / 1000,
    bytes: result.appPdf.length,
    p99_ms: round1(percentile([...result.app].sort((a, b) => a - b), 0.99)),
    naive_p99_ms: round1(percentile([...result.naive].sort((a, b) => a - b), 0.99)),
    naive_bytes: result.naivePdf.length,
    pages: pageCount(result.appPdf),
    naive_pages: pageCount(result.naivePdf),
    verified: appCheck.valid && appCheck.coversWholeFile && naiveCheck.valid && naiveCheck.coversWholeFile,
    render_median_ms: round1(median(result.render)),
    seal_median_ms: round1(median(result.seal)),
    pool_median_ms: round1(median(pooled)),
    legal_entity: { median_ms: round1(median(legalTimes)), bytes: legalBytes },
    runs: RUNS,
    machine: { cpus: os.cpus().length, memory_gib: Math.round(os.totalmem() / 2 ** 30) },
  }),
);

// npm run bench:pdf — renders and seals the SIM-replacement and the legal-entity documents (two
// drawn signatures each, audit page) repeatedly in one process. Last line:
// {"median_ms","p99_ms","docs_per_s","bytes"} (median and bytes of the SIM replacement), plus per-template detail.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildDocumentModel } from '../server/signing/document-model';
import { renderPdf } from '../server/signing/render-pdf';
import { sampleDocument } from '../server/signing/sample-document';
import { getSealKey } from '../server/signing/seal-certificate';
import { sealPdf } from '../server/signing/seal-pdf';
import { findTemplate } from '../templates';
import { percentile } from './lib/server';

const RUNS = Number(process.env.BENCH_RUNS ?? 100);
process.env.DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-bench-pdf-'));
const key = getSealKey(); // parsed once, as in the app

async function measure(templateId: string) {
  const template = findTemplate(templateId);
  if (!template) throw new Error(templateId);
  const input = sampleDocument(template, { company: 'ТОВ «Мобільний оператор»', verifyUrl: 'https://desk.example.ua/verify?a=00000000-0000-0000-0000-000000000000', developmentSeal: key.development });
  const times: number[] = [];
  const phases = { render: [] as number[], seal: [] as number[] };
  let bytes = 0;
  for (let i = 0; i < RUNS + 5; i += 1) {
    const t0 = performance.now();
    const doc = await renderPdf(buildDocumentModel(input));
    const t1 = performance.now();
    const sealed = await sealPdf(doc, key, { reason: 'bench', location: 'Бар', contact: 'bench', signingTime: new Date() });
    const t2 = performance.now();
    if (i < 5) continue; // warm-up
    times.push(t2 - t0);
    phases.render.push(t1 - t0);
    phases.seal.push(t2 - t1);
    bytes = sealed.length;
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 0.5);
  return {
    template: templateId,
    median_ms: Math.round(median(times) * 10) / 10,
    p99_ms: Math.round(percentile(sorted, 0.99) * 10) / 10,
    render_median_ms: Math.round(median(phases.render) * 10) / 10,
    seal_median_ms: Math.round(median(phases.seal) * 10) / 10,
    bytes,
    total_ms: times.reduce((a, b) => a + b, 0),
  };
}

const sim = await measure('sim-replacement');
const legal = await measure('legal-entity-numbers');
for (const r of [sim, legal]) console.error(`[bench:pdf] ${r.template}: median ${r.median_ms} ms (render ${r.render_median_ms}, placeholder+save+sign ${r.seal_median_ms}), p99 ${r.p99_ms} ms, ${r.bytes} bytes`);
console.log(
  JSON.stringify({
    median_ms: sim.median_ms,
    p99_ms: sim.p99_ms,
    docs_per_s: Math.round(((2 * RUNS) / ((sim.total_ms + legal.total_ms) / 1000)) * 10) / 10,
    bytes: sim.bytes,
    legal_entity: { median_ms: legal.median_ms, p99_ms: legal.p99_ms, bytes: legal.bytes },
    runs: RUNS,
    machine: { cpus: os.cpus().length, memory_gib: Math.round(os.totalmem() / 2 ** 30) },
  }),
);

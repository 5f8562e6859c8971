// The entry of a PDF worker thread (piscina loads it; see server/signing/pdf-pool.ts). Each worker
// parses the seal's P12 once and keeps its parsed fonts (render-pdf.ts) between documents.
import { workerData } from 'piscina';
import type { DocumentModel } from './document-model';
import { checkSignatureImage, checkUploadedPdf, previewDocument, sealDocument, type SealInfo } from './pdf-jobs';
import { parseP12, type SealKey, type SealKeySource } from './seal-certificate';
import { lowerThreadPriority, threadPriority } from './thread-priority';

const data = workerData as { seal: SealKeySource; pauseBeforeSeal?: SharedArrayBuffer; niceness?: number };

// This thread yields the cores to the event loop that answers chats (see pdf-pool.ts).
lowerThreadPriority(data.niceness ?? 0);

let key: SealKey | undefined;
function sealKey(): SealKey {
  key ??= parseP12(data.seal.p12, data.seal.password, data.seal.development);
  return key;
}

/**
 * Tests only (createPdfPool's `pauseBeforeSeal`): the worker says it has begun a seal and waits,
 * blocking only its own thread, until the test lets it go on.
 */
function pauseIfAsked() {
  if (!data.pauseBeforeSeal) return;
  const gate = new Int32Array(data.pauseBeforeSeal);
  Atomics.add(gate, 0, 1);
  Atomics.notify(gate, 0);
  Atomics.wait(gate, 1, 0);
}

export function seal(task: { model: DocumentModel; info: SealInfo }): Promise<Uint8Array> {
  pauseIfAsked();
  return sealDocument(task.model, sealKey(), task.info);
}

export function preview(task: { model: DocumentModel }): Promise<Uint8Array> {
  return previewDocument(task.model);
}

export function verify(task: { pdf: Uint8Array }) {
  return checkUploadedPdf(task.pdf);
}

export function png(task: { png: Uint8Array }) {
  return checkSignatureImage(task.png);
}

/** The worker thread's nice value (tests: the pool's workers run below the event loop). */
export function priority(): number | null {
  return threadPriority();
}

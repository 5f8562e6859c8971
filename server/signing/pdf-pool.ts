import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import { env } from '@/server/config/env';
import { logger } from '@/server/config/logger';
import { DomainError } from '@/server/errors/domain-error';
import type { DocumentModel } from './document-model';
import type { SealInfo, UploadedPdfCheck } from './pdf-jobs';
import type { PngCheck } from './png-ink';
import { sealKeySource, type SealKeySource } from './seal-certificate';

/**
 * Rendering, sealing and checking documents run on a small pool of worker threads, never on the
 * event loop that answers chats. Each worker parses the seal once and keeps its parsed fonts.
 *
 * Size: PDF_WORKERS, or by default one thread fewer than the cores, at most 2 and at least 1 (on
 * the 2-core machine: one worker, the other core stays with the event loop). Waiting tasks are
 * bounded (PDF_QUEUE, default 16): a full pool answers TOO_MANY_REQUESTS "busy, retry" at once.
 * The workers run at a lower CPU priority than the event loop (PDF_WORKER_NICE, default 10): when
 * the cores are busy, a chat message goes before the next slice of a document, not after it.
 *
 * The worker starts from server/signing/pdf-worker.cjs, which compiles pdf-worker.ts from the
 * sources through tsx in every mode: under tsx and vitest, and in production, where this module
 * runs inside Next's compiled server bundle. There it has no import.meta.url of its own, so the
 * file is found from the app's directory, the working directory `npm start` runs in (as
 * render-pdf.ts finds its fonts); PDF_WORKER_FILE overrides it.
 */
export interface PdfPool {
  seal(model: DocumentModel, info: SealInfo): Promise<Buffer>;
  preview(model: DocumentModel): Promise<Uint8Array>;
  verify(pdf: Uint8Array): Promise<UploadedPdfCheck>;
  checkPng(png: Uint8Array): Promise<PngCheck>;
  /** A worker thread's nice value (null where threads have none): they run below the event loop. */
  priority(): Promise<number | null>;
  close(): Promise<void>;
}

export interface PdfPoolOptions {
  threads?: number;
  maxQueue?: number;
  seal?: SealKeySource;
  /** The workers' nice value (see `defaultNiceness`). */
  niceness?: number;
  /** Tests only: every seal waits at this gate in its worker (see pdf-worker.ts). */
  pauseBeforeSeal?: SharedArrayBuffer;
}

export const defaultThreads = () => env().PDF_WORKERS ?? Math.max(1, Math.min(2, availableParallelism() - 1));
export const defaultMaxQueue = () => env().PDF_QUEUE;
/** How much lower than the event loop the workers run (a Linux nice value, 0–19); 0 keeps them equal. */
export const defaultNiceness = () => env().PDF_WORKER_NICE;

export const workerFile = () => env().PDF_WORKER_FILE ?? path.join(process.cwd(), 'server', 'signing', 'pdf-worker.cjs');

export const pdfBusy = () => new DomainError('too_many', 'errors.pdfBusy', 'The document service is busy: please retry in a few seconds');

const isQueueFull = (error: unknown) => error instanceof Error && error.message === 'Task queue is at limit';

export function createPdfPool(options: PdfPoolOptions = {}): PdfPool {
  const threads = options.threads ?? defaultThreads();
  const filename = workerFile();
  const piscina = new Piscina({
    filename,
    // Not the parent's flags (vitest's or `--import tsx`): the worker file registers what it needs.
    execArgv: [],
    minThreads: threads,
    maxThreads: threads,
    // minThreads = maxThreads: the workers stay, each keeping its parsed seal and fonts.
    maxQueue: options.maxQueue ?? defaultMaxQueue(),
    workerData: { seal: options.seal ?? sealKeySource(), pauseBeforeSeal: options.pauseBeforeSeal, niceness: options.niceness ?? defaultNiceness() },
  });
  // A worker that fails outside a task (it could not start, or died) is logged and replaced; an
  // 'error' without a listener would end the process.
  piscina.on('error', (error: unknown) => logger().error({ err: error }, 'a PDF worker failed'));
  async function run<T>(name: string, task: object): Promise<T> {
    try {
      return (await piscina.run(task, { name })) as T;
    } catch (error) {
      if (isQueueFull(error)) throw pdfBusy();
      throw error;
    }
  }
  return {
    seal: async (model, info) => Buffer.from(await run<Uint8Array>('seal', { model, info })),
    preview: (model) => run('preview', { model }),
    verify: (pdf) => run('verify', { pdf }),
    checkPng: (png) => run('png', { png }),
    priority: () => run('priority', {}),
    close: () => piscina.destroy(),
  };
}

// One pool per process, kept across module reloads in development.
const holder = globalThis as typeof globalThis & { __dealerDeskPdfPool?: PdfPool };

/** The process's pool, made on first use. */
export function pdfPool(): PdfPool {
  holder.__dealerDeskPdfPool ??= createPdfPool();
  return holder.__dealerDeskPdfPool;
}

/** Tests: puts another pool in place (e.g. a small one with a gate) and gives back the one before. */
export function replacePdfPool(pool: PdfPool | undefined): PdfPool | undefined {
  const before = holder.__dealerDeskPdfPool;
  holder.__dealerDeskPdfPool = pool;
  return before;
}

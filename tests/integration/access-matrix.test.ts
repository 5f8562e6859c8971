import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { appRouter } from '@/server/trpc/root';
import os from 'node:os';
import { systemClock } from '@/server/context';
import { InProcessEventBus } from '@/server/realtime/in-process-event-bus';
import { LocalFileStorage } from '@/server/storage/file-storage';
import { createCaller } from '@/server/trpc/root';
import { bookletIdentification, SIM_FORM } from '../helpers/application-world';
import { makeWorld } from '../helpers/factories';
import { PNG_BASE64, provenVisitor } from '../helpers/requests';
import { seedRequestCategories } from '@/server/seed/request-categories';
import { callerFor, createTestDb, ManualScheduler, openSession, validEdrpou } from '../helpers/test-db';

type Who = 'anonymous' | 'dealer' | 'operator' | 'backoffice' | 'admin';
type Outcome = 'ok' | 'UNAUTHORIZED' | 'FORBIDDEN';
const WHO: Who[] = ['anonymous', 'dealer', 'operator', 'backoffice', 'admin'];

const ADMIN_ONLY: Record<Who, Outcome> = {
  anonymous: 'UNAUTHORIZED',
  dealer: 'FORBIDDEN',
  operator: 'FORBIDDEN',
  backoffice: 'FORBIDDEN',
  admin: 'ok',
};
const ANY_SIGNED_IN: Record<Who, Outcome> = { anonymous: 'UNAUTHORIZED', dealer: 'ok', operator: 'ok', backoffice: 'ok', admin: 'ok' };
const DEALER_ONLY: Record<Who, Outcome> = { anonymous: 'UNAUTHORIZED', dealer: 'ok', operator: 'FORBIDDEN', backoffice: 'FORBIDDEN', admin: 'FORBIDDEN' };
const OPERATOR_ONLY: Record<Who, Outcome> = { anonymous: 'UNAUTHORIZED', dealer: 'FORBIDDEN', operator: 'ok', backoffice: 'FORBIDDEN', admin: 'FORBIDDEN' };
const CHAT_PARTICIPANTS: Record<Who, Outcome> = { anonymous: 'UNAUTHORIZED', dealer: 'ok', operator: 'ok', backoffice: 'FORBIDDEN', admin: 'FORBIDDEN' };
const CHAT_READERS: Record<Who, Outcome> = { anonymous: 'UNAUTHORIZED', dealer: 'ok', operator: 'ok', backoffice: 'FORBIDDEN', admin: 'ok' };
const BACKOFFICE_ONLY: Record<Who, Outcome> = { anonymous: 'UNAUTHORIZED', dealer: 'FORBIDDEN', operator: 'FORBIDDEN', backoffice: 'ok', admin: 'FORBIDDEN' };
const BACKOFFICE_READERS: Record<Who, Outcome> = { ...BACKOFFICE_ONLY, admin: 'ok' };
const ANYONE: Record<Who, Outcome> = { anonymous: 'ok', dealer: 'ok', operator: 'ok', backoffice: 'ok', admin: 'ok' };

/**
 * Who may call what, written out by hand (not derived from the routers). A new procedure makes
 * the completeness check below fail until its row is added here.
 */
const EXPECTED: Record<string, Record<Who, Outcome>> = {
  'account.profile': ANY_SIGNED_IN,
  'admin.users.list': ADMIN_ONLY,
  'admin.users.create': ADMIN_ONLY,
  'admin.users.deactivate': ADMIN_ONLY,
  'admin.users.reactivate': ADMIN_ONLY,
  'admin.dealers.list': ADMIN_ONLY,
  'admin.dealers.create': ADMIN_ONLY,
  'admin.dealers.listPointsOfSale': ADMIN_ONLY,
  'admin.dealers.createPointOfSale': ADMIN_ONLY,
  'admin.operators.list': ADMIN_ONLY,
  'admin.operators.setCapacity': ADMIN_ONLY,
  'admin.operators.setServes': ADMIN_ONLY,
  'admin.seal.info': ADMIN_ONLY,
  'admin.notifications.outbox': ADMIN_ONLY,
  'admin.notifications.retry': ADMIN_ONLY,
  'admin.notifications.devInbox': ADMIN_ONLY,
  'admin.cannedReplies.list': ADMIN_ONLY,
  'admin.cannedReplies.create': ADMIN_ONLY,
  'admin.cannedReplies.update': ADMIN_ONLY,
  'admin.cannedReplies.setActive': ADMIN_ONLY,
  'package.create': OPERATOR_ONLY,
  'package.update': OPERATOR_ONLY,
  'package.lookupCompany': OPERATOR_ONLY,
  'package.registeredDealer': OPERATOR_ONLY,
  'package.search': { ...OPERATOR_ONLY, admin: 'ok' },
  'package.get': ANY_SIGNED_IN,
  'package.send': OPERATOR_ONLY,
  'package.open': DEALER_ONLY,
  'package.identify': DEALER_ONLY,
  'package.sign': DEALER_ONLY,
  'package.submit': DEALER_ONLY,
  'metrics.overview': ADMIN_ONLY,
  'metrics.live': ADMIN_ONLY,
  'metrics.staffing': ADMIN_ONLY,
  'metrics.staffingByClass': ADMIN_ONLY,
  'metrics.backOfficeStaffing': ADMIN_ONLY,
  'chat.start': DEALER_ONLY,
  'chat.cancel': DEALER_ONLY,
  'chat.rate': DEALER_ONLY,
  'chat.list': CHAT_READERS,
  'chat.get': CHAT_READERS,
  'chat.send': CHAT_PARTICIPANTS,
  'chat.markRead': CHAT_PARTICIPANTS,
  'chat.typing': CHAT_PARTICIPANTS,
  'chat.close': CHAT_PARTICIPANTS,
  'chat.visitorHistory': { ...OPERATOR_ONLY, admin: 'ok' },
  'chat.visitorHistoryMessages': { ...OPERATOR_ONLY, admin: 'ok' },
  'chat.pointsOfSale': OPERATOR_ONLY,
  'chat.sendPointOfSale': OPERATOR_ONLY,
  'chat.cannedReplies': OPERATOR_ONLY,
  'chat.requestVerification': OPERATOR_ONLY,
  'operator.console': OPERATOR_ONLY,
  'operator.setStatus': OPERATOR_ONLY,
  'operator.heartbeat': OPERATOR_ONLY,
  'operator.accept': OPERATOR_ONLY,
  'operator.transfer': OPERATOR_ONLY,
  'realtime.feed': CHAT_READERS,
  'application.create': DEALER_ONLY,
  'application.get': ANY_SIGNED_IN,
  'application.list': CHAT_READERS,
  'application.saveIdentification': DEALER_ONLY,
  'application.saveDraft': DEALER_ONLY,
  'application.complete': DEALER_ONLY,
  'application.verify': OPERATOR_ONLY,
  'application.return': OPERATOR_ONLY,
  'application.sign': DEALER_ONLY,
  'application.submit': DEALER_ONLY,
  'verification.application': ANYONE,
  'backoffice.queue': BACKOFFICE_READERS,
  'backoffice.filterOptions': BACKOFFICE_READERS,
  'backoffice.review': BACKOFFICE_READERS,
  'backoffice.claim': BACKOFFICE_ONLY,
  'backoffice.release': BACKOFFICE_ONLY,
  'backoffice.approve': BACKOFFICE_ONLY,
  'backoffice.reject': BACKOFFICE_ONLY,
  'backoffice.return': BACKOFFICE_ONLY,
  // The confirmation link needs no account (a made-up token is NOT_FOUND for everyone).
  'subscriber.view': ANYONE,
  'subscriber.confirm': ANYONE,
  'subscriber.dispute': ANYONE,
  'application.cancel': CHAT_PARTICIPANTS,
  // Written requests (docs/requests.md): the form and the private link need no account.
  'requests.categories': ANYONE,
  'requests.submit': ANYONE,
  'requests.link.view': ANYONE,
  'requests.link.reply': ANYONE,
  'requests.link.addFiles': ANYONE,
  'requests.link.close': ANYONE,
  'requests.link.reopen': ANYONE,
  'requests.link.rate': ANYONE,
  'requests.link.file': ANYONE,
  'requests.fromChat': { ...OPERATOR_ONLY, admin: 'ok' },
  ...Object.fromEntries(
    ['list', 'get', 'assignees', 'cannedReplies', 'renderCanned', 'file', 'claim', 'assign', 'note', 'reply', 'setWaiting', 'resolve', 'close', 'merge', 'link'].map((name) => [`backoffice.requests.${name}`, BACKOFFICE_READERS]),
  ),
  'admin.requestCategories.list': ADMIN_ONLY,
  'admin.requestCategories.update': ADMIN_ONLY,
};

let db: Db;
let cleanup: () => Promise<void>;
let world: Awaited<ReturnType<typeof makeWorld>>;
let counter = 0;

/** A valid input for each procedure, fresh per call so creations never collide. */
function validInput(path: string): unknown {
  counter += 1;
  switch (path) {
    case 'admin.users.create':
      return { name: 'Нова Людина', email: `new${counter}@example.com`, password: 'long-enough-1', role: 'operator' };
    case 'admin.users.deactivate':
    case 'admin.users.reactivate':
      return { userId: world.operator2.id };
    case 'admin.dealers.create':
      return { name: `ТОВ «Тест ${counter}»`, edrpou: validEdrpou(4100000 + counter) };
    case 'admin.dealers.createPointOfSale':
      return { dealerId: world.dealer.dealerId, name: `Точка ${counter}`, town: 'Бар', address: 'вул. Соборна, 1' };
    case 'admin.operators.setCapacity':
      return { userId: world.operator2.id, capacity: 4 };
    case 'admin.operators.setServes':
      return { operatorId: world.operator2.id, serves: 'dealer' };
    case 'chat.start':
      return { topic: 'Тест' };
    case 'admin.cannedReplies.create':
      return { scope: 'subscriber', titleUk: 'Баланс', titleEn: 'Balance', bodyUk: 'Наберіть *111#.', bodyEn: 'Dial *111#.' };
    case 'admin.cannedReplies.update':
      return { id: crypto.randomUUID(), scope: 'subscriber', titleUk: 'Баланс', titleEn: 'Balance', bodyUk: 'Наберіть *111#.', bodyEn: 'Dial *111#.' };
    case 'admin.cannedReplies.setActive':
      return { id: crypto.randomUUID(), active: false };
    case 'chat.visitorHistory':
      return { chatId };
    case 'chat.visitorHistoryMessages':
      return { chatId, pastChatId: crypto.randomUUID() };
    case 'chat.pointsOfSale':
      return { town: 'Бар' };
    case 'chat.sendPointOfSale':
      return { chatId, pointOfSaleId: crypto.randomUUID() };
    case 'chat.cannedReplies':
      return { scope: 'subscriber' };
    case 'chat.requestVerification':
      return { chatId: crypto.randomUUID() };
    case 'chat.cancel':
    case 'chat.get':
    case 'chat.typing':
    case 'chat.close':
    case 'operator.accept':
      return { chatId };
    case 'chat.rate':
      return { chatId, rating: 5 };
    case 'chat.send':
      return { chatId, clientId: crypto.randomUUID(), text: 'Привіт' };
    case 'chat.markRead':
      return { chatId, seq: 1 };
    case 'operator.setStatus':
      return { status: 'available' };
    case 'operator.transfer':
      return { chatId, toOperatorId: world.operator2.id, note: '' };
    case 'realtime.feed':
      return { lastEventId: '0' };
    case 'application.create':
      return { chatId, templateId: 'tariff-change' };
    case 'application.get':
    case 'application.verify':
    case 'application.cancel':
      return { applicationId };
    case 'application.saveIdentification':
      return { applicationId, party: 'subscriber', values: bookletIdentification() };
    case 'application.saveDraft':
      return { applicationId, formData: {} };
    case 'application.complete':
      return { applicationId, formData: SIM_FORM };
    case 'verification.application':
      return { applicationId };
    case 'application.sign':
      return { applicationId, version: 1, signatures: [{ party: 'dealer', name: world.dealer.name, typedName: world.dealer.name }] };
    case 'application.return':
      return { applicationId, remarks: {}, note: 'Виправте' };
    case 'package.create':
      return { kind: 'individual', items: [{ templateId: 'tariff-change', formData: {} }] };
    case 'package.update':
    case 'package.get':
    case 'package.open':
      return { packageId: crypto.randomUUID(), version: 1 };
    case 'package.lookupCompany':
    case 'package.registeredDealer':
      return { edrpou: '34000003' };
    case 'package.search':
      return { query: '' };
    case 'package.send':
      return { packageId: crypto.randomUUID(), chatId };
    case 'package.identify':
      return { packageId: crypto.randomUUID(), values: {} };
    case 'package.sign':
      return { packageId: crypto.randomUUID(), signatures: [{ party: 'dealer', name: world.dealer.name, typedName: world.dealer.name }] };
    case 'package.submit':
      return { packageId: crypto.randomUUID(), requestId: crypto.randomUUID() };
    case 'metrics.overview':
      return { from: '2026-11-01', to: '2026-11-25' };
    case 'metrics.backOfficeStaffing':
      return { requestsPerDay: 300, minutesPerRequest: 12, applicationsPerDay: 120, minutesPerApplication: 10, hoursPerPerson: 8, occupancy: 0.85, headcount: 11 };
    case 'metrics.staffing':
      return { arrivalsPerHour: 120, ahtSeconds: 300, concurrency: 3, targetServiceLevel: 0.98, thresholdSeconds: 20 };
    case 'metrics.staffingByClass':
      return { classes: [{ class: 'dealer', arrivalsPerHour: 60, ahtSeconds: 300, thresholdSeconds: 20 }], concurrency: 3, targetServiceLevel: 0.9 };
    case 'application.submit':
      return { applicationId, version: 1, requestId: crypto.randomUUID() };
    case 'admin.notifications.retry':
      return { notificationId: crypto.randomUUID() };
    case 'backoffice.queue':
      return { view: 'open', sensitiveOnly: true };
    case 'backoffice.review':
    case 'backoffice.claim':
    case 'backoffice.release':
      return { applicationId };
    case 'backoffice.approve':
      return { applicationId, version: 1 };
    case 'backoffice.reject':
      return { applicationId, version: 1, reason: 'documentInvalid' };
    case 'backoffice.return':
      return { applicationId, version: 1, note: 'Виправте' };
    case 'subscriber.view':
    case 'subscriber.confirm':
      return { token: 'A'.repeat(32) };
    case 'subscriber.dispute':
      return { token: 'A'.repeat(32), comment: 'не я' };
    case 'requests.submit':
      return { visitorToken, category: 'other', text: 'Питання', files: [], consent: true, locale: 'uk' };
    case 'requests.link.view':
    case 'requests.link.close':
    case 'requests.link.reopen':
      return { token: 'A'.repeat(32) };
    case 'requests.link.reply':
      return { token: 'A'.repeat(32), text: 'Відповідь', files: [] };
    case 'requests.link.addFiles':
      return { token: 'A'.repeat(32), files: [{ fileName: 'a.png', contentBase64: PNG_BASE64 }] };
    case 'requests.link.rate':
      return { token: 'A'.repeat(32), rating: 5 };
    case 'requests.link.file':
      return { token: 'A'.repeat(32), attachmentId: crypto.randomUUID() };
    case 'requests.fromChat':
      return { chatId: crypto.randomUUID(), category: 'other' };
    case 'backoffice.requests.list':
      return {};
    case 'backoffice.requests.get':
    case 'backoffice.requests.claim':
    case 'backoffice.requests.close':
      return { id: crypto.randomUUID() };
    case 'backoffice.requests.renderCanned':
      return { id: crypto.randomUUID(), cannedReplyId: crypto.randomUUID() };
    case 'backoffice.requests.file':
      return { id: crypto.randomUUID(), attachmentId: crypto.randomUUID() };
    case 'backoffice.requests.assign':
      return { id: crypto.randomUUID(), assigneeId: crypto.randomUUID() };
    case 'backoffice.requests.note':
    case 'backoffice.requests.reply':
      return { id: crypto.randomUUID(), body: 'Текст' };
    case 'backoffice.requests.setWaiting':
    case 'backoffice.requests.resolve':
      return { id: crypto.randomUUID() };
    case 'backoffice.requests.merge':
      return { id: crypto.randomUUID(), into: 'Z-2026-000001' };
    case 'backoffice.requests.link':
      return { id: crypto.randomUUID(), chatId: null };
    case 'admin.requestCategories.update':
      return { key: 'other', nameUk: 'Інше', nameEn: 'Other', firstResponseHours: 8, resolutionHours: 40, active: true, sort: 70 };
    default:
      return undefined;
  }
}

/**
 * 'ok' means the role was let in: the call succeeded, or failed for a reason other than who is
 * calling (NOT_FOUND for another's chat, CONFLICT for a wrong state). Ownership and state have
 * their own tests.
 */
async function call(who: Who, path: string): Promise<Outcome | string> {
  const actor = who === 'anonymous' ? null : world[who];
  const controller = new AbortController();
  const session = actor && (await openSession(db, actor, systemClock));
  // Each call from an address of its own: the made-up link tokens must not add up to the link throttle.
  calls += 1;
  const ip = `10.0.${Math.floor(calls / 250)}.${calls % 250}`;
  const caller = createCaller(
    { db, actor, session, clock: systemClock, bus: new InProcessEventBus(), scheduler: new ManualScheduler(systemClock), storage: new LocalFileStorage(os.tmpdir()), ip, userAgent: 'vitest', appUrl: 'http://localhost:3000' },
    { signal: controller.signal },
  ) as unknown as Record<string, unknown>;
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
  try {
    const result = await fn(validInput(path));
    if (result && typeof result === 'object' && Symbol.asyncIterator in result) {
      const iterator = (result as AsyncIterable<unknown>)[Symbol.asyncIterator]();
      setTimeout(() => controller.abort(), 20);
      await iterator.next();
      await iterator.return?.();
    }
    return 'ok';
  } catch (error) {
    if (error instanceof TRPCError) return ['NOT_FOUND', 'CONFLICT'].includes(error.code) ? 'ok' : error.code;
    throw error;
  } finally {
    controller.abort();
  }
}

let chatId: string;
let applicationId: string;
let visitorToken: string;
let calls = 0;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  world = await makeWorld(db);
  // A chat of the first dealer company, taken by the first operator.
  const operatorCaller = callerFor(db, world.operator, systemClock);
  await operatorCaller.operator.setStatus({ status: 'available' });
  ({ chatId } = await callerFor(db, world.dealer, systemClock).chat.start({ topic: 'Матриця' }));
  await operatorCaller.operator.accept({ chatId });
  ({ applicationId } = await callerFor(db, world.dealer, systemClock).application.create({ chatId, templateId: 'sim-replacement' }));
  await seedRequestCategories(db);
  ({ token: visitorToken } = await provenVisitor(db, systemClock));
});
afterAll(() => cleanup());

describe('access matrix', () => {
  it('lists every procedure of the router', () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [path, expected] of Object.entries(EXPECTED)) {
    for (const who of WHO) {
      it(`${path} as ${who} → ${expected[who]}`, async () => {
        expect(await call(who, path)).toBe(expected[who]);
      });
    }
  }
});

import type { Db } from '@/db/client';
import { chats, dealers, pointsOfSale, visitors, type Role } from '@/db/schema';
import { createUser } from '@/server/admin/create-user';
import { loadActiveActor } from '@/server/auth/load-actor';
import type { Actor, Clock } from '@/server/context';
import { fixedClock, validEdrpou } from './test-db';

/**
 * Small factories for the tests' worlds. Each makes one thing with the real schema (a dealer
 * company, a point of sale) or through the real verb (a user, with its credential account and its
 * audit event), with plain values a test can name through what is returned, never through the
 * demo seed's data: a change to the demo cannot change what a test means.
 */

/** The password every factory user signs in with. */
export const TEST_PASSWORD = 'test-password-1';

let counter = 0;
const next = () => (counter += 1);

export interface DealerCompany {
  id: string;
  name: string;
  edrpou: string;
}

export interface PointOfSale {
  id: string;
  dealerId: string;
  name: string;
  town: string;
  address: string;
}

/** A dealer company (active), with a valid EDRPOU unless one is given. */
export async function makeDealerCompany(db: Db, values: Partial<Omit<DealerCompany, 'id'>> = {}, clock: Clock = fixedClock()): Promise<DealerCompany> {
  const n = next();
  const [row] = await db
    .insert(dealers)
    .values({ name: values.name ?? `ТОВ «Дилер ${n}»`, edrpou: values.edrpou ?? validEdrpou(4_100_000 + n), createdAt: clock.now() })
    .returning();
  if (!row) throw new Error('no dealer company inserted');
  return { id: row.id, name: row.name, edrpou: row.edrpou };
}

/** A point of sale of a dealer company. */
export async function makePointOfSale(db: Db, dealerId: string, values: Partial<Omit<PointOfSale, 'id' | 'dealerId'>> = {}, clock: Clock = fixedClock()): Promise<PointOfSale> {
  const n = next();
  const [row] = await db
    .insert(pointsOfSale)
    .values({ dealerId, name: values.name ?? `Точка продажу ${n}`, town: values.town ?? `Місто ${n}`, address: values.address ?? `вул. Тестова, ${n}`, createdAt: clock.now() })
    .returning();
  if (!row) throw new Error('no point of sale inserted');
  return { id: row.id, dealerId: row.dealerId, name: row.name, town: row.town, address: row.address };
}

/** A user who can sign in (`TEST_PASSWORD`), made by the admin verb, as the actor the procedures see. */
export async function makeUser(
  db: Db,
  values: { role: Role; name?: string; email?: string; password?: string; dealerId?: string; pointOfSaleId?: string },
  clock: Clock = fixedClock(),
): Promise<Actor> {
  const n = next();
  const created = await createUser({
    ctx: { db, actor: null, clock },
    input: {
      role: values.role,
      name: values.name ?? `Тестовий Користувач ${n}`,
      email: values.email ?? `${values.role}-${n}@test.local`,
      password: values.password ?? TEST_PASSWORD,
      dealerId: values.dealerId,
      pointOfSaleId: values.pointOfSaleId,
    },
  });
  const actor = await loadActiveActor(db, created.id);
  if (!actor) throw new Error(`user ${created.email} not loaded`);
  return actor;
}

/** A dealer user at a point of sale (a new company and point unless given). */
export async function makeDealerUser(db: Db, values: { name?: string; email?: string; pointOfSale?: PointOfSale } = {}, clock: Clock = fixedClock()): Promise<Actor> {
  const point = values.pointOfSale ?? (await makePointOfSale(db, (await makeDealerCompany(db, {}, clock)).id, {}, clock));
  return makeUser(db, { role: 'dealer', name: values.name, email: values.email, dealerId: point.dealerId, pointOfSaleId: point.id }, clock);
}

export const makeOperator = (db: Db, values: { name?: string; email?: string } = {}, clock?: Clock) => makeUser(db, { role: 'operator', ...values }, clock);
export const makeBackOfficeUser = (db: Db, values: { name?: string; email?: string } = {}, clock?: Clock) => makeUser(db, { role: 'backoffice', ...values }, clock);
export const makeAdmin = (db: Db, values: { name?: string; email?: string } = {}, clock?: Clock) => makeUser(db, { role: 'admin', ...values }, clock);

/**
 * The tests' usual world: two dealer companies (the first with two points of sale, the second with
 * one), a dealer user at the first company's first point and one at the second company's point,
 * two operators, a back-office employee and an admin. Everything a test names comes from here
 * (`world.dealer.name`, `world.companies.first.edrpou` …).
 */
export async function makeWorld(db: Db, clock: Clock = fixedClock()) {
  const first = await makeDealerCompany(db, { name: 'ТОВ «Перший дилер»', edrpou: validEdrpou(4_200_001) }, clock);
  const second = await makeDealerCompany(db, { name: 'ТОВ «Другий дилер»', edrpou: validEdrpou(4_200_002) }, clock);
  const points = {
    firstMain: await makePointOfSale(db, first.id, { name: 'Салон «Перший»', town: 'Вінниця', address: 'вул. Перша, 1' }, clock),
    firstKiosk: await makePointOfSale(db, first.id, { name: 'Кіоск «Перший»', town: 'Жмеринка', address: 'вул. Друга, 2' }, clock),
    second: await makePointOfSale(db, second.id, { name: 'Салон «Другий»', town: 'Коломия', address: 'вул. Третя, 3' }, clock),
  };
  const user = (role: Role, name: string, email: string, point?: PointOfSale) => makeUser(db, { role, name, email, dealerId: point?.dealerId, pointOfSaleId: point?.id }, clock);
  return {
    companies: { first, second },
    points,
    dealer: await user('dealer', 'Дилер Перший Тестовий', 'dealer@test.local', points.firstMain),
    dealer2: await user('dealer', 'Дилер Другий Тестовий', 'dealer2@test.local', points.second),
    operator: await user('operator', 'Оператор Перший Тестовий', 'operator@test.local'),
    operator2: await user('operator', 'Оператор Другий Тестовий', 'operator2@test.local'),
    backoffice: await user('backoffice', 'Бек-офіс Тестовий', 'backoffice@test.local'),
    admin: await user('admin', 'Адмін Тестовий', 'admin@test.local'),
  };
}

export type World = Awaited<ReturnType<typeof makeWorld>>;

/** A widget visitor: a guest, or one who proved a number (or an e-mail) by `verifiedBy`. */
export async function makeVisitor(
  db: Db,
  values: { msisdn?: string; email?: string; verifiedBy?: 'sms' | 'email' | 'portal'; locale?: 'uk' | 'en' } = {},
  clock: Clock = fixedClock(),
): Promise<typeof visitors.$inferSelect> {
  const proven = values.msisdn !== undefined || values.email !== undefined;
  const [row] = await db
    .insert(visitors)
    .values({
      msisdn: values.msisdn ?? null,
      email: values.email ?? null,
      verifiedBy: proven ? (values.verifiedBy ?? (values.msisdn ? 'sms' : 'email')) : null,
      verifiedAt: proven ? clock.now() : null,
      locale: values.locale ?? 'uk',
      createdAt: clock.now(),
    })
    .returning();
  if (!row) throw new Error('no visitor inserted');
  return row;
}

/** A subscriber's chat through the widget, written directly: waiting, or (with an operator) active, or closed. */
export async function makeSubscriberChat(
  db: Db,
  values: { visitorId?: string; operatorId?: string; status?: 'queued' | 'active' | 'closed'; topic?: string; rating?: number; createdAt?: Date } = {},
  clock: Clock = fixedClock(),
): Promise<typeof chats.$inferSelect & { visitorId: string }> {
  const at = values.createdAt ?? clock.now();
  // A new guest unless a visitor is given. A waiting chat is not routed: a test routes it (an operator going available, or any verb that routes).
  const visitorId = values.visitorId ?? (await makeVisitor(db, {}, clock)).id;
  const status = values.status ?? (values.operatorId ? 'active' : 'queued');
  const [row] = await db
    .insert(chats)
    .values({
      class: 'subscriber',
      visitorId,
      operatorId: values.operatorId ?? null,
      topic: values.topic ?? null,
      status,
      createdAt: at,
      acceptedAt: status === 'queued' ? null : at,
      closedAt: status === 'closed' ? at : null,
      rating: values.rating ?? null,
    })
    .returning();
  if (!row) throw new Error('no subscriber chat inserted');
  return { ...row, visitorId };
}

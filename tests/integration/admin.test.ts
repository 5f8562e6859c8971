import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { first, type Db } from '@/db/client';
import { auditEvents, dealers, pointsOfSale, sessions, users } from '@/db/schema';
import { verifyAuditChain } from '@/server/audit/verify-audit-chain';
import { loadActiveActor } from '@/server/auth/load-actor';
import { makeWorld } from '../helpers/factories';
import { callerFor, createTestDb, validEdrpou, trpcFailure } from '../helpers/test-db';

let db: Db;
let cleanup: () => Promise<void>;
let world: Awaited<ReturnType<typeof makeWorld>>;

beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
  world = await makeWorld(db);
});
afterEach(() => cleanup());

const rows = async (table: typeof dealers | typeof pointsOfSale | typeof users | typeof auditEvents) => (await first(db.select({ n: count() }).from(table)))?.n ?? 0;

const trpcError = trpcFailure;

describe('dealer companies', () => {
  it('creates a company with a valid EDRPOU and records it in the audit log', async () => {
    const admin = callerFor(db, world.admin);
    const created = await admin.admin.dealers.create({ name: '  ТОВ «Нова точка»  ', edrpou: validEdrpou(4300001) });
    expect(created).toMatchObject({ name: 'ТОВ «Нова точка»', status: 'active', pointsOfSale: 0 });
    expect((await admin.admin.dealers.list()).map((d) => d.edrpou)).toContain(created.edrpou);
    const event = await first(db.select().from(auditEvents).where(eq(auditEvents.entityId, created.id)));
    expect(event).toMatchObject({ action: 'dealer.create', actorId: world.admin.id });
  });

  it('rejects a wrong check digit with a field error and stores nothing', async () => {
    const good = validEdrpou(4300002);
    const bad = `${good.slice(0, 7)}${(Number(good[7]) + 1) % 10}`;
    const before = await rows(dealers);
    const error = await trpcError(callerFor(db, world.admin).admin.dealers.create({ name: 'ТОВ «Помилка»', edrpou: bad }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('edrpou');
    expect(await rows(dealers)).toBe(before);
  });

  it('answers a duplicate EDRPOU with CONFLICT', async () => {
    const taken = world.companies.first.edrpou;
    const error = await trpcError(callerFor(db, world.admin).admin.dealers.create({ name: 'Двійник', edrpou: taken }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(taken);
  });

  it('refuses 100 KB names and HTML without crashing', async () => {
    const admin = callerFor(db, world.admin);
    expect((await trpcError(admin.admin.dealers.create({ name: 'я'.repeat(100_000), edrpou: validEdrpou(4300003) }))).code).toBe('BAD_REQUEST');
    const html = await admin.admin.dealers.create({ name: '<script>alert(1)</script>', edrpou: validEdrpou(4300004) });
    expect(html.name).toBe('<script>alert(1)</script>'); // stored as text; React escapes it on render
  });
});

describe('points of sale', () => {
  it('creates a point of sale for an existing company', async () => {
    const pos = await callerFor(db, world.admin).admin.dealers.createPointOfSale({
      dealerId: world.dealer2.dealerId ?? '',
      name: 'Кіоск біля ринку',
      town: 'Косів',
      address: 'вул. Ринкова, 3',
    });
    expect(pos.dealerName).toBe(world.companies.second.name);
    const listed = await callerFor(db, world.admin).admin.dealers.listPointsOfSale({ dealerId: world.dealer2.dealerId ?? '' });
    expect(listed.map((p) => p.name).sort()).toEqual(['Кіоск біля ринку', world.points.second.name].sort());
  });

  it('answers an unknown company with NOT_FOUND and stores nothing', async () => {
    const before = await rows(pointsOfSale);
    const error = await trpcError(
      callerFor(db, world.admin).admin.dealers.createPointOfSale({ dealerId: crypto.randomUUID(), name: 'Ніде', town: 'Ніде', address: 'вул. Нема, 0' }),
    );
    expect(error.code).toBe('NOT_FOUND');
    expect(await rows(pointsOfSale)).toBe(before);
  });
});

describe('users', () => {
  it('creates a dealer representative who belongs to a company and its point of sale', async () => {
    const created = await callerFor(db, world.admin).admin.users.create({
      name: 'Галина Ткачук',
      email: 'Halyna@Example.com',
      password: 'a-strong-pass',
      role: 'dealer',
      dealerId: world.dealer.dealerId,
      pointOfSaleId: world.dealer.pointOfSaleId,
    });
    expect(created).toMatchObject({ email: 'halyna@example.com', role: 'dealer', active: true, dealerName: world.companies.first.name });
    const profile = await callerFor(db, await loadActiveActor(db, created.id)).account.profile();
    expect(profile.pointOfSale?.town).toBe(world.points.firstMain.town);
  });

  it('requires company and point of sale for a dealer, names the fields, and stores nothing', async () => {
    const before = await rows(users);
    const error = await trpcError(
      callerFor(db, world.admin).admin.users.create({ name: 'Без точки', email: 'x@example.com', password: 'a-strong-pass', role: 'dealer' }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/dealerId.*pointOfSaleId/);
    expect(await rows(users)).toBe(before);
  });

  it('refuses a point of sale of another company', async () => {
    const error = await trpcError(
      callerFor(db, world.admin).admin.users.create({
        name: 'Чужа точка',
        email: 'y@example.com',
        password: 'a-strong-pass',
        role: 'dealer',
        dealerId: world.dealer.dealerId,
        pointOfSaleId: world.dealer2.pointOfSaleId,
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
  });

  it('refuses a duplicate e-mail in any letter case, and short passwords', async () => {
    const admin = callerFor(db, world.admin);
    expect((await trpcError(admin.admin.users.create({ name: 'Двійник', email: world.operator.email.toUpperCase(), password: 'a-strong-pass', role: 'operator' }))).code).toBe(
      'CONFLICT',
    );
    const short = await trpcError(admin.admin.users.create({ name: 'Коротко', email: 'z@example.com', password: 'short', role: 'operator' }));
    expect(short.code).toBe('BAD_REQUEST');
    expect(short.message).toContain('password');
  });

  it('deactivation ends the sessions at once and the user is no longer an actor', async () => {
    const now = new Date();
    await db.insert(sessions).values({ id: 's1', token: 't1', userId: world.operator.id, expiresAt: new Date(now.getTime() + 3_600_000), createdAt: now, updatedAt: now });
    const result = await callerFor(db, world.admin).admin.users.deactivate({ userId: world.operator.id });
    expect(result.active).toBe(false);
    expect(await db.select().from(sessions).where(eq(sessions.userId, world.operator.id))).toEqual([]);
    expect(await loadActiveActor(db, world.operator.id)).toBeNull();

    await callerFor(db, world.admin).admin.users.reactivate({ userId: world.operator.id });
    expect((await loadActiveActor(db, world.operator.id))?.email).toBe(world.operator.email);
  });

  it('an admin cannot deactivate themself', async () => {
    expect((await trpcError(callerFor(db, world.admin).admin.users.deactivate({ userId: world.admin.id }))).code).toBe('CONFLICT');
  });

  it('answers an unknown user with NOT_FOUND and a malformed id with BAD_REQUEST', async () => {
    const admin = callerFor(db, world.admin);
    expect((await trpcError(admin.admin.users.deactivate({ userId: crypto.randomUUID() }))).code).toBe('NOT_FOUND');
    expect((await trpcError(admin.admin.users.deactivate({ userId: 'not-an-id' }))).code).toBe('BAD_REQUEST');
  });

  it('never returns password hashes or tokens', async () => {
    const listed = JSON.stringify(await callerFor(db, world.admin).admin.users.list());
    expect(listed).not.toMatch(/password|scrypt|token/i);
  });
});

describe('audit log', () => {
  it('keeps a valid hash chain and names the first event that was tampered with', async () => {
    await callerFor(db, world.admin).admin.dealers.create({ name: 'ТОВ «Ланцюг»', edrpou: validEdrpou(4300005) });
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: true });
    expect(report.events).toBe(await rows(auditEvents));

    const victim = await first(db.select().from(auditEvents).orderBy(auditEvents.seq).limit(1).offset(2));
    if (!victim) throw new Error('expected at least three audit events');
    await db.update(auditEvents).set({ data: { forged: true } }).where(eq(auditEvents.seq, victim.seq));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: victim.seq });
  });
});

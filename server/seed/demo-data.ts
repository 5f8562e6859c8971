import { inTransaction, type Db } from '@/db/client';
import { seedRequestCategories } from './request-categories';
import { cannedReplies, dealers, pointsOfSale, type Role } from '@/db/schema';
import { createUser } from '@/server/admin/create-user';
import { auditActor } from '@/server/audit/audit-actor';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import type { Actor, Clock } from '@/server/context';
import { DEMO_CANNED_REPLIES } from './demo-canned-replies';

export const DEMO_PASSWORD = 'demo12345';

/** Demo companies: real-looking names, EDRPOU codes with valid check digits. */
const DEMO_DEALERS = [
  {
    name: 'ТОВ «Подільський зв’язок»',
    edrpou: '34000003',
    points: [
      { key: 'bar', name: 'Магазин «Зв’язок» на Соборній', town: 'Бар, Вінницька обл.', address: 'вул. Соборна, 14' },
      { key: 'khmilnyk', name: 'Кіоск на автостанції', town: 'Хмільник, Вінницька обл.', address: 'вул. Столярчука, 2а' },
    ],
  },
  {
    name: 'ТОВ «Карпати-Мобайл»',
    edrpou: '34000134',
    points: [{ key: 'kosiv', name: 'Салон «Карпати-Мобайл»', town: 'Косів, Івано-Франківська обл.', address: 'вул. Незалежності, 31' }],
  },
] as const;

const DEMO_USERS: { email: string; name: string; role: Role; point?: string }[] = [
  { email: 'dealer@demo.local', name: 'Оксана Мельник', role: 'dealer', point: 'bar' },
  { email: 'dealer2@demo.local', name: 'Тарас Бойко', role: 'dealer', point: 'kosiv' },
  { email: 'operator@demo.local', name: 'Ірина Коваль', role: 'operator' },
  { email: 'operator2@demo.local', name: 'Андрій Шевчук', role: 'operator' },
  { email: 'backoffice@demo.local', name: 'Наталія Гнатюк', role: 'backoffice' },
  { email: 'admin@demo.local', name: 'Петро Савчук', role: 'admin' },
];

/**
 * Fills in the demo's history once its world exists: simulation/demo-history.ts, which drives the
 * app's own procedures as a client would, so it lives above server/ and is handed in.
 */
export type DemoHistorySeeder = (deps: { db: Db; clock: Clock; admin: Actor }) => Promise<unknown>;

/**
 * The demo world, then (given `history`, e.g. simulation/load-demo-history.ts) a week of simulated
 * chat history for the dashboard.
 */
export async function seedDemoData({ db, clock, history }: { db: Db; clock: Clock; history?: DemoHistorySeeder }): Promise<void> {
  await seedRequestCategories(db);
  const pointIds = await inTransaction(db, async (tx) => {
    const ids = new Map<string, { dealerId: string; pointOfSaleId: string }>();
    for (const dealer of DEMO_DEALERS) {
      const [row] = await tx.insert(dealers).values({ name: dealer.name, edrpou: dealer.edrpou, createdAt: clock.now() }).returning();
      if (!row) throw new Error('the insert returned no row');
      for (const point of dealer.points) {
        const [pos] = await tx
          .insert(pointsOfSale)
          .values({ dealerId: row.id, name: point.name, town: point.town, address: point.address, createdAt: clock.now() })
          .returning();
        if (!pos) throw new Error('the insert returned no row');
        ids.set(point.key, { dealerId: row.id, pointOfSaleId: pos.id });
      }
    }
    await tx.insert(cannedReplies).values(DEMO_CANNED_REPLIES.map((reply) => ({ ...reply, active: true, createdAt: clock.now(), updatedAt: clock.now() })));
    await writeAuditEvent(tx, {
      at: clock.now(),
      ...auditActor(null),
      action: 'demo.seed',
      entityType: 'system',
      entityId: 'demo',
      data: { dealers: DEMO_DEALERS.length, cannedReplies: DEMO_CANNED_REPLIES.length },
    });
    return ids;
  });

  let admin: Actor | null = null;
  for (const user of DEMO_USERS) {
    const place = user.point ? pointIds.get(user.point) : undefined;
    const created = await createUser({
      ctx: { db, actor: null, clock },
      input: { email: user.email, name: user.name, role: user.role, password: DEMO_PASSWORD, ...place },
    });
    if (created.role === 'admin') admin = { id: created.id, name: created.name, email: created.email, role: created.role, dealerId: null, pointOfSaleId: null };
  }

  if (history && admin) await history({ db, clock, admin });
}

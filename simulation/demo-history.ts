import type { Db } from '@/db/client';
import type { Actor, Clock } from '@/server/context';
import { seededRandom } from './random';
import { createSimulationWorld, DEFAULT_BEHAVIOUR, runSession, type Behaviour } from './run-session';
import { createSimulatedPeople, type CompanyPlan, type OperatorPlan } from './simulated-people';
import { daysBetween, kyivDate, kyivDayStart, kyivHour } from '@/server/time/kyiv';

/**
 * A week of chat history for the demo's dashboard: the simulator (simulation/) drives the
 * app's own procedures over the last 7 Kyiv days, 08:00–20:00, with simulated dealer companies
 * and operators of their own — the demo dealers and operators are not touched, so their chat
 * lists stay clean. Everything ends before "now": no chat is left waiting or open, every
 * simulated operator is offline.
 *
 * The volume is small on purpose (≈ 300 chats): the app and every browser-test run seed a fresh
 * database, and each simulated chat costs a handful of real transactions.
 */

const COMPANIES: CompanyPlan[] = [
  {
    name: 'ТОВ «Слобожанський зв’язок»',
    edrpouStem: 3651201,
    points: [
      { name: 'Салон на Сумській', town: 'Харків', address: 'вул. Сумська, 25', dealers: [{ name: 'Олена Ткаченко', email: 'o.tkachenko@slobozhansky.demo.local' }] },
      { name: 'Кіоск біля метро «Холодна гора»', town: 'Харків', address: 'вул. Полтавський Шлях, 148', dealers: [{ name: 'Ігор Лисенко', email: 'i.lysenko@slobozhansky.demo.local' }] },
    ],
  },
  {
    name: 'ТОВ «Полтава-Телеком»',
    edrpouStem: 3651302,
    points: [{ name: 'Магазин у ТЦ «Київ»', town: 'Полтава', address: 'вул. Соборності, 60', dealers: [{ name: 'Марія Гончаренко', email: 'm.honcharenko@poltava-telecom.demo.local' }] }],
  },
  {
    name: 'ТОВ «Дніпровська мережа»',
    edrpouStem: 3651403,
    points: [{ name: 'Салон на Яворницького', town: 'Дніпро', address: 'просп. Яворницького, 47', dealers: [{ name: 'Сергій Кравченко', email: 's.kravchenko@dnipro-net.demo.local' }] }],
  },
];

const OPERATORS: OperatorPlan[] = [
  { name: 'Юлія Руденко', email: 'y.rudenko@operators.demo.local', capacity: 2 },
  { name: 'Максим Павленко', email: 'm.pavlenko@operators.demo.local', capacity: 3 },
  { name: 'Світлана Мороз', email: 's.moroz@operators.demo.local', capacity: 2 },
  { name: 'Дмитро Олійник', email: 'd.oliinyk@operators.demo.local', capacity: 3 },
  { name: 'Анна Левченко', email: 'a.levchenko@operators.demo.local', capacity: 2 },
];

/** Chats per hour of the (Kyiv) day on an ordinary weekday: a slow morning, a midday peak. */
const PER_HOUR: Record<number, number> = { 8: 1.2, 9: 2.5, 10: 4, 11: 5, 12: 6, 13: 5, 14: 5, 15: 4.5, 16: 4, 17: 3, 18: 2, 19: 1.2 };
/** By day of the week (0 = Sunday): Friday busiest, weekends quieter. */
const DAY_FACTOR = [0.45, 1, 1.05, 0.95, 1, 1.1, 0.7];

const BEHAVIOUR: Behaviour = {
  ...DEFAULT_BEHAVIOUR,
  ahtSeconds: 480,
  // A real console cuts no chat short, but one left open for hours would look broken in the demo.
  maxHandleSeconds: 40 * 60,
  reactionSeconds: 3,
  patienceSeconds: 150,
  patienceFloorSeconds: 15,
  ratingShare: 0.6,
  heartbeats: 'when-routing',
  sweepSeconds: null,
};

/** The instant of a whole hour of a Kyiv day (correct on the days the clocks change too). */
function kyivTime(day: string, hour: number): Date {
  const guess = kyivDayStart(day).getTime() + hour * 3_600_000;
  for (const shift of [0, -3_600_000, 3_600_000]) {
    const at = new Date(guess + shift);
    if (kyivHour(at) === hour && kyivDate(at) === day) return at;
  }
  return new Date(guess);
}

/** Who works when: a morning and an evening operator every day, a third over the weekday lunch peak. */
function shiftsOf(dayIndex: number, weekday: number, operators: readonly Actor[]) {
  const at = (i: number) => operators[(dayIndex + i) % operators.length];
  const shifts: { operator: Actor | undefined; from: number; to: number }[] = [
    { operator: at(0), from: 8, to: 14 },
    { operator: at(2), from: 14, to: 20 },
  ];
  if (weekday >= 1 && weekday <= 5) shifts.push({ operator: at(4), from: 12, to: 15 });
  return shifts.flatMap((s) => (s.operator ? [{ operator: s.operator, from: s.from, to: s.to }] : []));
}

export interface DemoHistory {
  days: number;
  chats: number;
  abandoned: number;
  forcedEnds: number;
  procedureCalls: number;
}

/** Runs the week; `admin` is the demo admin, who creates the simulated companies and people. */
export async function seedDemoHistory({ db, clock, admin }: { db: Db; clock: Clock; admin: Actor }): Promise<DemoHistory> {
  const now = clock.now();
  const today = kyivDate(now);
  const first = kyivDate(new Date(now.getTime() - 6 * 86_400_000));
  const days = daysBetween(first, today);
  // Arrivals stop 90 minutes before now, and whatever is still open a minute before now is ended.
  const lastArrival = now.getTime() - 90 * 60_000;
  const hardStop = now.getTime() - 60_000;

  const world = createSimulationWorld(db, new Date(kyivTime(first, 7).getTime()));
  const people = await createSimulatedPeople({ admin: world.callerFor(admin), companies: COMPANIES, operators: OPERATORS });

  const result: DemoHistory = { days: 0, chats: 0, abandoned: 0, forcedEnds: 0, procedureCalls: 0 };
  for (const [index, day] of days.entries()) {
    const dayNumber = Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    const factor = (DAY_FACTOR[weekday] ?? 1) * seededRandom(dayNumber, 99).uniform(0.9, 1.1);
    const clip = (at: Date) => new Date(Math.min(at.getTime(), lastArrival));
    const arrivals = Object.entries(PER_HOUR)
      .map(([hour, perHour]) => ({ from: kyivTime(day, Number(hour)), to: clip(kyivTime(day, Number(hour) + 1)), perHour: perHour * factor }))
      .filter((p) => p.from.getTime() < p.to.getTime());
    const shifts = shiftsOf(index, weekday, people.operators)
      .map((s) => ({ operator: s.operator, start: kyivTime(day, s.from), end: clip(kyivTime(day, s.to)) }))
      .filter((s) => s.start.getTime() < s.end.getTime());
    if (arrivals.length === 0 || shifts.length === 0) continue;
    const dayStart = kyivTime(day, 8).getTime();
    if (world.clock.time < dayStart) world.clock.moveTo(dayStart);
    const session = await runSession(world, {
      seed: dayNumber,
      arrivals,
      dealers: people.dealers,
      shifts,
      behaviour: BEHAVIOUR,
      hardStop: new Date(Math.min(hardStop, kyivTime(day, 23).getTime())),
    });
    result.days += 1;
    result.chats += session.chats.length;
    result.abandoned += session.chats.filter((c) => c.outcome === 'abandoned').length;
    result.forcedEnds += session.counters.forcedEnds;
    result.procedureCalls += session.counters.procedureCalls;
  }
  return result;
}

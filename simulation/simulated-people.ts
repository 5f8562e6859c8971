import type { Actor } from '@/server/context';
import type { UserDto } from '@/server/admin/schemas';
import type { createCaller } from '@/server/trpc/root';
import { isValidEdrpou } from '@/templates/validators';

type AppCaller = ReturnType<typeof createCaller>;

export interface CompanyPlan {
  name: string;
  /** Seven digits; the check digit is added. */
  edrpouStem: number;
  points: { name: string; town: string; address: string; dealers: { name: string; email: string }[] }[];
}

export interface OperatorPlan {
  name: string;
  email: string;
  capacity: number;
}

/** A valid EDRPOU (8 digits, the last one a check digit) for a 7-digit stem. */
export function edrpouFor(stem: number): string {
  const base = String(stem).padStart(7, '0').slice(-7);
  for (let d = 0; d <= 9; d += 1) if (isValidEdrpou(`${base}${d}`)) return `${base}${d}`;
  throw new Error(`no check digit makes ${base} a valid EDRPOU`);
}

const actorOf = (user: UserDto): Actor => ({ id: user.id, name: user.name, email: user.email, role: user.role, dealerId: user.dealerId, pointOfSaleId: user.pointOfSaleId });

/**
 * The simulated people, made the way an admin makes them (admin procedures): dealer companies,
 * their points of sale and representatives, and operators with their capacity. Nobody is told
 * the password: simulated people do not sign in.
 */
export async function createSimulatedPeople({
  admin,
  companies,
  operators,
}: {
  admin: AppCaller;
  companies: readonly CompanyPlan[];
  operators: readonly OperatorPlan[];
}): Promise<{ dealers: Actor[]; operators: Actor[] }> {
  const password = `sim-${crypto.randomUUID()}`;
  const dealers: Actor[] = [];
  for (const company of companies) {
    const dealer = await admin.admin.dealers.create({ name: company.name, edrpou: edrpouFor(company.edrpouStem) });
    for (const point of company.points) {
      const pos = await admin.admin.dealers.createPointOfSale({ dealerId: dealer.id, name: point.name, town: point.town, address: point.address });
      for (const person of point.dealers) {
        const user = await admin.admin.users.create({ ...person, password, role: 'dealer', dealerId: dealer.id, pointOfSaleId: pos.id });
        dealers.push(actorOf(user));
      }
    }
  }
  const staff: Actor[] = [];
  for (const operator of operators) {
    const user = await admin.admin.users.create({ name: operator.name, email: operator.email, password, role: 'operator' });
    await admin.admin.operators.setCapacity({ userId: user.id, capacity: operator.capacity });
    staff.push(actorOf(user));
  }
  return { dealers, operators: staff };
}

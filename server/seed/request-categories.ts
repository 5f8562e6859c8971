import type { Db } from '@/db/client';
import { requestCategories } from '@/db/schema';

/** The written requests' default categories and promised times in business hours (docs/requests.md). */
export const DEFAULT_REQUEST_CATEGORIES = [
  { key: 'billing', nameUk: 'Рахунки та оплата', nameEn: 'Billing and payments', firstResponseHours: 4, resolutionHours: 24 },
  { key: 'number_sim', nameUk: 'Номер і SIM-картка', nameEn: 'Number and SIM', firstResponseHours: 4, resolutionHours: 16 },
  { key: 'tariffs', nameUk: 'Тарифи та послуги', nameEn: 'Tariffs and services', firstResponseHours: 8, resolutionHours: 24 },
  { key: 'roaming', nameUk: 'Роумінг', nameEn: 'Roaming', firstResponseHours: 2, resolutionHours: 16 },
  { key: 'coverage', nameUk: 'Покриття та якість зв’язку', nameEn: 'Coverage and network quality', firstResponseHours: 8, resolutionHours: 72 },
  { key: 'complaint', nameUk: 'Скарга', nameEn: 'Complaint', firstResponseHours: 4, resolutionHours: 40 },
  { key: 'other', nameUk: 'Інше', nameEn: 'Other', firstResponseHours: 8, resolutionHours: 40 },
] as const;

/**
 * Adds the default categories that are missing (never changes one an admin edited): called at every
 * start (server/system/start-up.ts) and by the demo seed, so a new database has them without a
 * migration writing data.
 */
export async function seedRequestCategories(db: Db): Promise<void> {
  await db
    .insert(requestCategories)
    .values(DEFAULT_REQUEST_CATEGORIES.map((category, index) => ({ ...category, active: true, sort: (index + 1) * 10 })))
    .onConflictDoNothing({ target: requestCategories.key });
}

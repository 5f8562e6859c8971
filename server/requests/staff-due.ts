import type { Tx } from '@/db/client';
import { backofficeCalendar } from './backoffice-calendar';
import { findCategory } from './request-access';
import { targetOf, type RequestAction } from './request-transitions';
import type { RequestRow } from './request-types';
import { dueOf } from './sla';

/** dueAt and riskAt after `action` (with the columns it changes), for moveRequest's changes. */
export async function staffChangeDue(tx: Tx, row: RequestRow, action: RequestAction, changes: Partial<RequestRow> = {}) {
  const category = await findCategory(tx, row.category);
  return dueOf(backofficeCalendar(), { ...row, ...changes, status: targetOf(row, action) }, category);
}

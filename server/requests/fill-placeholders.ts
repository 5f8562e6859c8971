import type { RequestCategoryRow, RequestRow } from './request-types';

const kyivFormat = new Intl.DateTimeFormat('uk-UA', { timeZone: 'Europe/Kyiv', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * A reply's placeholders filled in: {number} the request's number, {name} the replying employee's
 * name, {category} the category in the request's language, {due} the resolution's due time (Kyiv).
 */
export function fillPlaceholders(text: string, row: Pick<RequestRow, 'number' | 'locale' | 'resolutionDueAt'>, category: Pick<RequestCategoryRow, 'nameUk' | 'nameEn'>, employeeName: string): string {
  const values: Record<string, string> = {
    number: row.number,
    name: employeeName,
    category: row.locale === 'en' ? category.nameEn : category.nameUk,
    due: kyivFormat.format(row.resolutionDueAt),
  };
  return text.replace(/\{(number|name|category|due)\}/g, (_, key: string) => values[key] ?? '');
}

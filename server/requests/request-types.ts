import { requestCategories, requestMessages, requests } from '@/db/schema';

export { requests };
export type RequestRow = typeof requests.$inferSelect;
export type RequestMessageRow = typeof requestMessages.$inferSelect;
export type RequestCategoryRow = typeof requestCategories.$inferSelect;

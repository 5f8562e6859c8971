import { createdAt, id, index, table, text } from './kit';

export const DEALER_STATUSES = ['active', 'suspended'] as const;
export type DealerStatus = (typeof DEALER_STATUSES)[number];

/** A partner company whose shops serve subscribers where the operator has no branch. */
export const dealers = table('dealers', {
  id: id(),
  name: text().notNull(),
  edrpou: text().notNull().unique(),
  status: text({ enum: DEALER_STATUSES }).notNull().default('active'),
  createdAt: createdAt(),
});

export const pointsOfSale = table(
  'points_of_sale',
  {
    id: id(),
    dealerId: text()
      .notNull()
      .references(() => dealers.id),
    name: text().notNull(),
    town: text().notNull(),
    address: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('points_of_sale_dealer_idx').on(t.dealerId)],
);

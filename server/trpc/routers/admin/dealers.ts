import { z } from 'zod';
import { createDealer } from '@/server/admin/create-dealer';
import { createPointOfSale } from '@/server/admin/create-point-of-sale';
import { listDealers } from '@/server/admin/list-dealers';
import { listPointsOfSale } from '@/server/admin/list-points-of-sale';
import { createDealerInput, createPointOfSaleInput, dealerDto, dealerIdFilter, pointOfSaleDto } from '@/server/admin/schemas';
import { roleProcedure, router } from '../../init';

const admin = roleProcedure('admin');

export const adminDealersRouter = router({
  list: admin.output(z.array(dealerDto)).query(({ ctx }) => listDealers({ ctx })),
  create: admin
    .input(createDealerInput)
    .output(dealerDto)
    .mutation(({ ctx, input }) => createDealer({ ctx, input })),
  listPointsOfSale: admin
    .input(dealerIdFilter)
    .output(z.array(pointOfSaleDto))
    .query(({ ctx, input }) => listPointsOfSale({ ctx, input })),
  createPointOfSale: admin
    .input(createPointOfSaleInput)
    .output(pointOfSaleDto)
    .mutation(({ ctx, input }) => createPointOfSale({ ctx, input })),
});

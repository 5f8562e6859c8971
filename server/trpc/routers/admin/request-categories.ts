import { z } from 'zod';
import { listRequestCategories } from '@/server/requests/list-request-categories';
import { requestCategoryDto, updateRequestCategoryInput } from '@/server/requests/schemas';
import { updateRequestCategory } from '@/server/requests/update-request-category';
import { roleProcedure, router } from '../../init';

const admin = roleProcedure('admin');

/** The written requests' categories and promised times (docs/requests.md). */
export const adminRequestCategoriesRouter = router({
  list: admin.output(z.array(requestCategoryDto)).query(({ ctx }) => listRequestCategories({ ctx, all: true })),
  update: admin
    .input(updateRequestCategoryInput)
    .output(requestCategoryDto)
    .mutation(({ ctx, input }) => updateRequestCategory({ ctx, input })),
});

import { z } from 'zod';
import { ROLES } from '@/server/auth/roles';
import { isValidEdrpou } from '@/templates/validators';
import { singleLine } from '@/templates/validators/user-text';

/** Inputs of the admin verbs. Custom messages are keys under `validation.` in messages/*.json. */
const name = singleLine().min(2, 'nameTooShort').max(200, 'tooLong');
export const idSchema = z.uuid('invalidId');

export const createDealerInput = z.object({
  name,
  edrpou: z
    .string()
    .trim()
    .regex(/^\d{8}$/, { message: 'edrpouFormat', abort: true })
    .refine(isValidEdrpou, 'edrpouChecksum'),
});

export const createPointOfSaleInput = z.object({
  dealerId: idSchema,
  name,
  town: singleLine().min(2, 'nameTooShort').max(100, 'tooLong'),
  address: singleLine().min(5, 'addressTooShort').max(300, 'tooLong'),
});

export const createUserInput = z
  .object({
    name,
    email: singleLine().toLowerCase().pipe(z.email('emailInvalid')).pipe(z.string().max(320, 'tooLong')),
    password: z.string().min(10, 'passwordTooShort').max(128, 'tooLong'),
    role: z.enum(ROLES, 'roleInvalid'),
    dealerId: idSchema.nullish(),
    pointOfSaleId: idSchema.nullish(),
  })
  .superRefine((value, ctx) => {
    if (value.role === 'dealer') {
      if (!value.dealerId) ctx.addIssue({ code: 'custom', path: ['dealerId'], message: 'dealerRequired' });
      if (!value.pointOfSaleId) ctx.addIssue({ code: 'custom', path: ['pointOfSaleId'], message: 'pointOfSaleRequired' });
    } else if (value.dealerId || value.pointOfSaleId) {
      ctx.addIssue({ code: 'custom', path: ['dealerId'], message: 'dealerOnlyForDealers' });
    }
  });

export const userIdInput = z.object({ userId: idSchema });
export const dealerIdFilter = z.object({ dealerId: idSchema.optional() }).optional();

export type CreateDealerInput = z.infer<typeof createDealerInput>;
export type CreatePointOfSaleInput = z.infer<typeof createPointOfSaleInput>;
export type CreateUserInput = z.infer<typeof createUserInput>;

export const dealerDto = z.object({
  id: z.string(),
  name: z.string(),
  edrpou: z.string(),
  status: z.enum(['active', 'suspended']),
  createdAt: z.date(),
  pointsOfSale: z.number().int(),
  users: z.number().int(),
});

export const pointOfSaleDto = z.object({
  id: z.string(),
  dealerId: z.string(),
  dealerName: z.string(),
  name: z.string(),
  town: z.string(),
  address: z.string(),
  createdAt: z.date(),
});

export const userDto = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  dealerId: z.string().nullable(),
  dealerName: z.string().nullable(),
  pointOfSaleId: z.string().nullable(),
  pointOfSaleName: z.string().nullable(),
  createdAt: z.date(),
});

export type DealerDto = z.infer<typeof dealerDto>;
export type PointOfSaleDto = z.infer<typeof pointOfSaleDto>;
export type UserDto = z.infer<typeof userDto>;

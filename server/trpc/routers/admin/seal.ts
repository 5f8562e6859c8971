import { sealInfo, sealInfoDto } from '@/server/signing/seal-info';
import { roleProcedure, router } from '../../init';

export const adminSealRouter = router({
  info: roleProcedure('admin')
    .output(sealInfoDto)
    .query(({ ctx }) => sealInfo({ ctx })),
});

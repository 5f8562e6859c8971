import { getProfile, profileDto } from '@/server/account/get-profile';
import { router, signedInProcedure } from '../init';

export const accountRouter = router({
  profile: signedInProcedure.output(profileDto).query(({ ctx }) => getProfile({ ctx })),
});

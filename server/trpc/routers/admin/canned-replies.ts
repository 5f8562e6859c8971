import { z } from 'zod';
import { cannedReplyDto, createCannedReplyInput, setCannedReplyActiveInput, updateCannedReplyInput } from '@/server/admin/canned-reply-schemas';
import { createCannedReply } from '@/server/admin/create-canned-reply';
import { listCannedReplies } from '@/server/admin/list-canned-replies';
import { setCannedReplyActive } from '@/server/admin/set-canned-reply-active';
import { updateCannedReply } from '@/server/admin/update-canned-reply';
import { roleProcedure, router } from '../../init';

const admin = roleProcedure('admin');

export const adminCannedRepliesRouter = router({
  list: admin.output(z.array(cannedReplyDto)).query(({ ctx }) => listCannedReplies({ ctx })),
  create: admin
    .input(createCannedReplyInput)
    .output(cannedReplyDto)
    .mutation(({ ctx, input }) => createCannedReply({ ctx, input })),
  update: admin
    .input(updateCannedReplyInput)
    .output(cannedReplyDto)
    .mutation(({ ctx, input }) => updateCannedReply({ ctx, input })),
  setActive: admin
    .input(setCannedReplyActiveInput)
    .output(cannedReplyDto)
    .mutation(({ ctx, input }) => setCannedReplyActive({ ctx, input })),
});

import { z } from 'zod';
import { addNote } from '@/server/requests/add-note';
import { assignRequest } from '@/server/requests/assign-request';
import { claimRequest } from '@/server/requests/claim-request';
import { closeRequest } from '@/server/requests/close-request';
import { getRequest } from '@/server/requests/get-request';
import { linkRequest } from '@/server/requests/link-request';
import { listAssignees } from '@/server/requests/list-assignees';
import { listInbox } from '@/server/requests/list-inbox';
import { listRequestCannedReplies } from '@/server/requests/list-request-canned-replies';
import { mergeRequest } from '@/server/requests/merge-request';
import { readStaffFile } from '@/server/requests/read-staff-file';
import { renderCannedReply } from '@/server/requests/render-canned-reply';
import { replyToRequest } from '@/server/requests/reply-to-request';
import { resolveRequest } from '@/server/requests/resolve-request';
import {
  assignInput,
  assigneeDto,
  claimInput,
  closeInput,
  fileContentDto,
  inboxDto,
  inboxInput,
  linkRequestInput,
  mergeInput,
  noteInput,
  renderCannedInput,
  renderedDto,
  requestCannedReplyDto,
  requestDetailDto,
  requestIdInput,
  requestRefDto,
  resolveInput,
  setWaitingInput,
  staffFileInput,
  staffReplyInput,
} from '@/server/requests/schemas';
import { setWaiting } from '@/server/requests/set-waiting';
import { roleProcedure, router } from '../init';

const staff = roleProcedure('backoffice', 'admin');

/** The back office's inbox of written requests (docs/requests.md); ownership is checked by the verbs. */
export const backofficeRequestsRouter = router({
  list: staff.input(inboxInput).output(inboxDto).query(({ ctx, input }) => listInbox({ ctx, input })),
  get: staff.input(requestIdInput).output(requestDetailDto).query(({ ctx, input }) => getRequest({ ctx, input })),
  assignees: staff.output(z.array(assigneeDto)).query(({ ctx }) => listAssignees({ ctx })),
  cannedReplies: staff.output(z.array(requestCannedReplyDto)).query(({ ctx }) => listRequestCannedReplies({ ctx })),
  renderCanned: staff.input(renderCannedInput).output(renderedDto).query(({ ctx, input }) => renderCannedReply({ ctx, input })),
  file: staff.input(staffFileInput).output(fileContentDto).query(({ ctx, input }) => readStaffFile({ ctx, input })),
  claim: staff.input(claimInput).output(requestRefDto).mutation(({ ctx, input }) => claimRequest({ ctx, input })),
  assign: staff.input(assignInput).output(requestRefDto).mutation(({ ctx, input }) => assignRequest({ ctx, input })),
  note: staff.input(noteInput).output(requestRefDto).mutation(({ ctx, input }) => addNote({ ctx, input })),
  reply: staff.input(staffReplyInput).output(requestRefDto).mutation(({ ctx, input }) => replyToRequest({ ctx, input })),
  setWaiting: staff.input(setWaitingInput).output(requestRefDto).mutation(({ ctx, input }) => setWaiting({ ctx, input })),
  resolve: staff.input(resolveInput).output(requestRefDto).mutation(({ ctx, input }) => resolveRequest({ ctx, input })),
  close: staff.input(closeInput).output(requestRefDto).mutation(({ ctx, input }) => closeRequest({ ctx, input })),
  merge: staff.input(mergeInput).output(requestRefDto).mutation(({ ctx, input }) => mergeRequest({ ctx, input })),
  link: staff.input(linkRequestInput).output(requestRefDto).mutation(({ ctx, input }) => linkRequest({ ctx, input })),
});

import { z } from 'zod';
import { addFilesByLink } from '@/server/requests/add-files-by-link';
import { answerByLink } from '@/server/requests/answer-by-link';
import { chatToRequest } from '@/server/requests/chat-to-request';
import { closeByLink } from '@/server/requests/close-by-link';
import { listRequestCategories } from '@/server/requests/list-request-categories';
import { rateByLink } from '@/server/requests/rate-by-link';
import { readLinkFile } from '@/server/requests/read-link-file';
import { reopenByLink } from '@/server/requests/reopen-by-link';
import {
  chatToRequestInput,
  fileContentDto,
  linkFileInput,
  linkFilesInput,
  linkInput,
  linkRateInput,
  linkReopenInput,
  linkReplyInput,
  linkViewDto,
  requestCategoryDto,
  requestRefDto,
  submitRequestInput,
  submittedRequestDto,
} from '@/server/requests/schemas';
import { submitRequest } from '@/server/requests/submit-request';
import { viewRequestLink } from '@/server/requests/view-request-link';
import { publicProcedure, roleProcedure, router } from '../init';

/**
 * Written requests, the subscriber's side (docs/requests.md): the form (the number proven through a
 * widget session's one-time code), the private link (the token is the key; wrong tokens are
 * throttled per address), and the operator's chat → request.
 */
export const requestsRouter = router({
  categories: publicProcedure.output(z.array(requestCategoryDto)).query(({ ctx }) => listRequestCategories({ ctx })),
  submit: publicProcedure.input(submitRequestInput).output(submittedRequestDto).mutation(({ ctx, input }) => submitRequest({ ctx, input })),
  link: router({
    view: publicProcedure.input(linkInput).output(linkViewDto).query(({ ctx, input }) => viewRequestLink({ ctx, input })),
    reply: publicProcedure.input(linkReplyInput).output(linkViewDto).mutation(({ ctx, input }) => answerByLink({ ctx, input })),
    addFiles: publicProcedure.input(linkFilesInput).output(linkViewDto).mutation(({ ctx, input }) => addFilesByLink({ ctx, input })),
    close: publicProcedure.input(linkInput).output(linkViewDto).mutation(({ ctx, input }) => closeByLink({ ctx, input })),
    reopen: publicProcedure.input(linkReopenInput).output(linkViewDto).mutation(({ ctx, input }) => reopenByLink({ ctx, input })),
    rate: publicProcedure.input(linkRateInput).output(linkViewDto).mutation(({ ctx, input }) => rateByLink({ ctx, input })),
    file: publicProcedure.input(linkFileInput).output(fileContentDto).query(({ ctx, input }) => readLinkFile({ ctx, input })),
  }),
  /** The operator of a subscriber's chat turns it into a request. */
  fromChat: roleProcedure('operator', 'admin').input(chatToRequestInput).output(requestRefDto).mutation(({ ctx, input }) => chatToRequest({ ctx, input })),
});

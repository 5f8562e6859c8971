import { z } from 'zod';
import { CHAT_LIMITS } from '@/server/chat/chat-config';
import { BodyTooLargeError, jsonError, withLimitedBody } from './limited-body';

const MULTIPART_OVERHEAD = 64 * 1024;
const fields = z.object({ chatId: z.uuid(), clientId: z.uuid() });

export interface ChatUpload {
  chatId: string;
  clientId: string;
  fileName: string;
  bytes: Uint8Array;
}

/**
 * A file sent into a chat, read from its multipart form (`file` and `clientId`) within the
 * attachment limit: the upload, or the answer that refuses it (413 too large, 400 malformed).
 * Staff and the widget's visitors upload through the same form; each route checks who is asking.
 */
export async function readChatUpload(original: Request, chatId: string): Promise<ChatUpload | Response> {
  let req: Request;
  try {
    req = await withLimitedBody(original, CHAT_LIMITS.maxAttachmentBytes + MULTIPART_OVERHEAD);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return jsonError(413, 'PAYLOAD_TOO_LARGE', 'The file is larger than 10 MB.', { messageKey: 'errors.fileTooLarge' });
    }
    throw error;
  }
  const form = await req.formData().catch(() => null);
  const file = form?.get('file');
  const parsed = fields.safeParse({ chatId, clientId: form?.get('clientId') });
  if (!form || !(file instanceof File) || !parsed.success) {
    return jsonError(400, 'BAD_REQUEST', 'Send a multipart form with a file and a clientId (UUID).', { messageKey: 'errors.attachmentForm' });
  }
  return { chatId: parsed.data.chatId, clientId: parsed.data.clientId, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

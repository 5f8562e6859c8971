import type { MessageDto } from '@/server/chat/schemas';
import type { FileStorage } from '@/server/storage/file-storage';
import type { VisitorContext } from './widget-context';

export async function uploadVisitorAttachment({ ctx, input }: { ctx: VisitorContext & { storage: FileStorage }; input: { chatId: string; clientId: string; fileName: string; bytes: Uint8Array } }): Promise<MessageDto> {
  void ctx;
  void input;
  throw new Error('not yet');
}

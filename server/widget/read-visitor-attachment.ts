import type { FileStorage } from '@/server/storage/file-storage';
import type { VisitorContext } from './widget-context';

export async function readVisitorAttachment({ ctx, input }: { ctx: VisitorContext & { storage: FileStorage }; input: { attachmentId: string } }): Promise<{ bytes: Uint8Array; mime: string; fileName: string }> {
  void ctx;
  void input;
  throw new Error('not yet');
}

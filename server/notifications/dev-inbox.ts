import { z } from 'zod';
import { readDevInbox } from './dev-inbox-channel';
import type { VerbContext } from '@/server/context';

export const devInboxInput = z.object({ limit: z.number().int().min(1).max(500).default(100) }).default({ limit: 100 });

/** The development SMS / e-mail inbox (only admins: it holds working links). */
export function devInbox({ input }: { ctx: VerbContext; input: z.infer<typeof devInboxInput> }) {
  return readDevInbox()
    .slice(0, input.limit)
    .map((e) => ({ id: e.id, channel: e.channel, to: e.to, text: e.text, deliveredAt: new Date(e.deliveredAt) }));
}

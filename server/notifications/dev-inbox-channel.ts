import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { dataDir } from '@/server/config/data-dir';
import { logger } from '@/server/config/logger';
import type { NotificationChannel, OutgoingMessage } from './channel';

export interface DevInboxEntry extends OutgoingMessage {
  deliveredAt: string;
}

/**
 * The development SMS channel (and e-mail, when no SMTP server is configured): each message is
 * appended as one JSON line to DATA_DIR/dev-inbox.jsonl and logged with its links masked. Only
 * admins can read the inbox in the app (it holds working confirmation links); the log, which more
 * people and systems see, must not. A message id already in the file is not written again, so a
 * retried send after a crash delivers once.
 */
export class DevInboxChannel implements NotificationChannel {
  constructor(
    private readonly file = devInboxFile(),
    private readonly log?: Logger,
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    if (readDevInbox(this.file).some((entry) => entry.id === message.id)) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const entry: DevInboxEntry = { ...message, deliveredAt: new Date().toISOString() };
    fs.appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
    (this.log ?? logger()).info({ notificationId: message.id, channel: message.channel, to: message.to, text: maskLinks(message.text) }, `development ${message.channel} delivered`);
  }
}

/** A confirmation link's token cut to its first 4 characters: `…/s/AbCd…` (enough to tell links apart). */
export const maskLinks = (text: string) => text.replace(/\/s\/([A-Za-z0-9_-]{4})[A-Za-z0-9_-]+/g, '/s/$1…');

export const devInboxFile = () => path.join(dataDir(), 'dev-inbox.jsonl');

/** Everything delivered to the development inbox, newest first. */
export function readDevInbox(file = devInboxFile()): DevInboxEntry[] {
  let text: string;
  try {
    // The inbox lives under DATA_DIR, written at run time: nothing for the build to trace.
    text = fs.readFileSync(/*turbopackIgnore: true*/ file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line.trim())
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as DevInboxEntry];
      } catch {
        return []; // a line cut by a crash mid-write
      }
    })
    .reverse();
}

import fs from 'node:fs';
import path from 'node:path';
import { dataDir } from '@/server/config/data-dir';
import type { NotificationChannel, OutgoingMessage } from './channel';

export interface DevInboxEntry extends OutgoingMessage {
  deliveredAt: string;
}

/**
 * The development SMS channel (and e-mail, when no SMTP server is configured): each message is
 * appended as one JSON line to DATA_DIR/dev-inbox.jsonl and printed to the server's console.
 * Only admins can read the inbox in the app (it holds working confirmation links). A message id
 * already in the file is not written again, so a retried send after a crash delivers once.
 */
export class DevInboxChannel implements NotificationChannel {
  constructor(private readonly file = devInboxFile()) {}

  async send(message: OutgoingMessage): Promise<void> {
    if (readDevInbox(this.file).some((entry) => entry.id === message.id)) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const entry: DevInboxEntry = { ...message, deliveredAt: new Date().toISOString() };
    fs.appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
    if (process.env.LOG_LEVEL !== 'silent') console.log(`[dev ${message.channel}] to ${message.to}: ${message.text}`);
  }
}

export const devInboxFile = () => path.join(dataDir(), 'dev-inbox.jsonl');

/** Everything delivered to the development inbox, newest first. */
export function readDevInbox(file = devInboxFile()): DevInboxEntry[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
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

import en from '@/messages/en.json';
import uk from '@/messages/uk.json';
import type { SignedInContext } from '@/server/context';
import { getChat } from './get-chat';
import type { MessageDto } from './schemas';

const DICTIONARIES = { uk, en } as const;

/** A system message's text: stored as a key with parameters, rendered in the reader's language. */
export function systemText(body: string, locale: 'uk' | 'en'): string {
  try {
    const { key, params } = JSON.parse(body) as { key: string; params: Record<string, string> };
    const template = (DICTIONARIES[locale].chat.system as Record<string, string>)[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
  } catch {
    return body;
  }
}

function line(message: MessageDto, locale: 'uk' | 'en'): string {
  const time = message.createdAt.toISOString().replace('T', ' ').slice(0, 19);
  if (message.kind === 'system') return `[${time}] — ${systemText(message.body, locale)}`;
  // A visitor is named by the header (their number, or a guest); their lines by the role, in the reader's language.
  const who = message.authorRole === 'subscriber' ? DICTIONARIES[locale].chat.visitor.subscriber : (message.authorName ?? '?');
  const text = message.kind === 'attachment' ? `📎 ${message.body}` : message.body;
  return `[${time}] ${who}${message.kind === 'note' ? ' (note)' : ''}: ${text}`;
}

/** The whole conversation as plain text (times in UTC), for the chat's participants and admins. */
export async function chatTranscript({ ctx, input }: { ctx: SignedInContext; input: { chatId: string; locale: 'uk' | 'en' } }) {
  const chat = await getChat({ ctx, input });
  const t = DICTIONARIES[input.locale].chat.transcript;
  const v = DICTIONARIES[input.locale].chat.visitor;
  const visitor = chat.visitor;
  const header = [
    `${t.title}: ${chat.topic ?? '—'}`,
    visitor
      ? `${v.subscriber}: ${visitor.verified ? `${visitor.msisdn ?? visitor.email ?? ''} (${v.verified}, ${v.via[visitor.verifiedBy ?? 'sms']})` : v.guest}`
      : `${t.dealer}: ${chat.dealerName}${chat.pointOfSale ? `, ${chat.pointOfSale}` : ''} (${chat.dealerUserName})`,
    `${t.operator}: ${chat.operatorName ?? '—'}`,
    `${t.opened}: ${chat.createdAt.toISOString()}`,
    `${t.status}: ${chat.status}`,
    chat.rating ? `${t.rating}: ${chat.rating}/5${chat.ratingComment ? ` — ${chat.ratingComment}` : ''}` : null,
    '',
  ].filter((l): l is string => l !== null);
  const text = [...header, ...chat.messages.map((m) => line(m, input.locale))].join('\n') + '\n';
  return { fileName: `chat-${chat.createdAt.toISOString().slice(0, 10)}-${chat.id.slice(0, 8)}.txt`, text };
}

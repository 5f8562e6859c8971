import type { LOCALES } from '@/db/column-values';

/** A canned reply's title and text in the chat's language (a subscriber's own, Ukrainian for dealers). */
export function cannedReplyIn(reply: { titleUk: string; titleEn: string; bodyUk: string; bodyEn: string }, language: (typeof LOCALES)[number]): { title: string; body: string } {
  return language === 'en' ? { title: reply.titleEn, body: reply.bodyEn } : { title: reply.titleUk, body: reply.bodyUk };
}

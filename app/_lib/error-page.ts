import { createTranslator } from 'next-intl';
import en from '@/messages/en.json';
import uk from '@/messages/uk.json';
import type { MessageRef } from '@/server/errors/domain-error';
import { errorMessage, type Translate } from '../_components/error-text';
import { LOCALE_COOKIE, toLocale } from '../i18n/locales';

/** The visitor's language, from the language switch's cookie (Ukrainian unless English was chosen). */
function requestLocale(req: Request) {
  const cookie = req.headers.get('cookie') ?? '';
  const value = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`).exec(cookie)?.[1];
  return toLocale(value);
}

/** A translator for a route handler (which runs outside Next.js's request scope, see scripts/serve.ts). */
function requestTranslator(req: Request) {
  const locale = requestLocale(req);
  return { locale, t: createTranslator({ locale, messages: locale === 'en' ? en : uk }) as unknown as Translate };
}

/** Whether a browser asked for a page (it followed a link), rather than a script for data. */
export function wantsPage(req: Request): boolean {
  return (req.headers.get('accept') ?? '').includes('text/html');
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A refusal as a small page in the visitor's language, for links people follow (a download):
 * the title, the server's message said through its key, a hint and a way back. No script, no style.
 */
export function errorPage(req: Request, status: number, ref: MessageRef, page: { titleKey: string; helpKey: string; back: string }): Response {
  const { locale, t } = requestTranslator(req);
  const html = [
    '<!doctype html>',
    `<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(t(page.titleKey))}</title></head>`,
    `<body><h1>${escape(t(page.titleKey))}</h1><p>${escape(errorMessage(t, ref))}</p><p>${escape(t(page.helpKey))}</p><p><a href="${escape(page.back)}">${escape(t('subscriber.back'))}</a></p></body></html>`,
  ].join('\n');
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } });
}

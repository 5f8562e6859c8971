import { cookies, headers } from 'next/headers';
import { WIDGET_LOCALE_HEADER } from '@/server/http/security-headers';
import { getRequestConfig } from 'next-intl/server';
import { LOCALE_COOKIE, toLocale, type Locale } from './locales';
import { precompileMessages } from './precompile';

/** Each language's messages, compiled once per process (see precompile.ts). */
const compiled = new Map<Locale, Promise<ReturnType<typeof precompileMessages>>>();
function messagesOf(locale: Locale) {
  let messages = compiled.get(locale);
  if (!messages) {
    messages = import(`../../messages/${locale}.json`).then((m: { default: Parameters<typeof precompileMessages>[0] }) => precompileMessages(m.default));
    compiled.set(locale, messages);
  }
  return messages;
}

/** Ukrainian by default; the language switch stores the choice in a cookie (no locale in URLs). */
// The widget's page takes its language from its address (the front door passes it in a header).
export default getRequestConfig(async () => {
  const locale = toLocale((await headers()).get(WIDGET_LOCALE_HEADER) ?? (await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: await messagesOf(locale), timeZone: 'Europe/Kyiv' };
});

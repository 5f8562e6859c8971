import { createTranslator } from 'next-intl';
import { errorMessage, type ServerMessage, type Translate } from '@/app/_components/error-text';
import en from '@/messages/en.json';
import uk from '@/messages/uk.json';

const translators = {
  uk: createTranslator({ locale: 'uk', messages: uk }) as unknown as Translate,
  en: createTranslator({ locale: 'en', messages: en }) as unknown as Translate,
};

/** A server's message key and parameters as the UI says them (app/_components/error-text.ts, the real messages files). */
export function say(message: ServerMessage | null | undefined, locale: 'uk' | 'en' = 'uk'): string {
  return errorMessage(translators[locale], message);
}

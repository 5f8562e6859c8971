import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import uk from '@/messages/uk.json';

const tUk = createTranslator({ locale: 'uk', messages: uk });
const tEn = createTranslator({ locale: 'en', messages: en });

/** Every message string, with its key. */
function strings(messages: object, prefix = ''): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : strings(value as object, `${prefix}${key}.`),
  );
}

describe('counts read as words, by the plural rules of each language', () => {
  it('how often the subscriber opened the link', () => {
    const opened = (count: number) => tUk('backoffice.subscriber.opened', { count, date: 'вчора' });
    expect([1, 2, 5, 11, 21, 22].map(opened)).toEqual([
      'Відкривали 1 раз, востаннє вчора',
      'Відкривали 2 рази, востаннє вчора',
      'Відкривали 5 разів, востаннє вчора',
      'Відкривали 11 разів, востаннє вчора',
      'Відкривали 21 раз, востаннє вчора',
      'Відкривали 22 рази, востаннє вчора',
    ]);
    expect(tEn('backoffice.subscriber.opened', { count: 1, date: 'yesterday' })).toBe('Opened 1 time, last on yesterday');
    expect(tEn('backoffice.subscriber.opened', { count: 3, date: 'yesterday' })).toBe('Opened 3 times, last on yesterday');
  });

  it('chats per hour, also a fraction (“4,4 чату”, not “4,4 чатів”)', () => {
    const prefilled = (arrivals: number) => tUk('dashboard.staffing.prefilled', { hour: '10', arrivals });
    expect(prefilled(4.4)).toContain('у середньому 4,4 чату за цю годину');
    expect(prefilled(1)).toContain('у середньому 1 чат за');
    expect(prefilled(3)).toContain('у середньому 3 чати за');
    expect(prefilled(12)).toContain('у середньому 12 чатів за');
    expect(tEn('dashboard.staffing.prefilled', { hour: '10', arrivals: 1 })).toContain('with 1 chat in it');
    expect(tEn('dashboard.staffing.prefilled', { hour: '10', arrivals: 4.4 })).toContain('with 4.4 chats in it');
  });

  it('the place in the queue, unread messages and missed offers', () => {
    expect(tUk('chat.queuePosition', { position: 1 })).toBe('Ваше місце в черзі: 1');
    expect([1, 3, 11].map((count) => tUk('chat.unread', { count }))).toEqual(['1 нове', '3 нові', '11 нових']);
    expect(tUk('operator.missedAway', { count: 1 })).toContain('пропустили 1 пропозицію поспіль');
    expect(tUk('operator.missedAway', { count: 5 })).toContain('пропустили 5 пропозицій поспіль');
    expect(tEn('operator.missedAway', { count: 1 })).toContain('missed 1 offer in a row');
  });

  it('no message hedges a count with “(и)”, “(ів)”, “(s)” or an ordinal ending glued to a number', () => {
    for (const [key, value] of [...strings(uk), ...strings(en)]) {
      expect(value, key).not.toMatch(/[а-яіїєґ]\((и|ів|ей|ок)\)|[a-z]\(s\)|\}-(й|і|а|го|му)\b/i);
    }
  });
});

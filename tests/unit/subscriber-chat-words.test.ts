import { describe, expect, it } from 'vitest';
import { displayMsisdn } from '@/app/_components/chat/chat-party';
import { cannedReplyIn } from '@/server/chat/canned-reply-text';
import { pointOfSaleText } from '@/server/chat/send-point-of-sale';

describe('the words of subscribers’ chats', () => {
  it('shows a proven number in groups, anything else as it is', () => {
    expect(displayMsisdn('+380671234567')).toBe('+380 67 123 45 67');
    expect(displayMsisdn('+48123456789')).toBe('+48123456789');
  });

  it('takes a canned reply in the chat’s language', () => {
    const reply = { titleUk: 'Баланс', titleEn: 'Balance', bodyUk: 'Наберіть *111#.', bodyEn: 'Dial *111#.' };
    expect(cannedReplyIn(reply, 'uk')).toEqual({ title: 'Баланс', body: 'Наберіть *111#.' });
    expect(cannedReplyIn(reply, 'en')).toEqual({ title: 'Balance', body: 'Dial *111#.' });
  });

  it('writes a point of sale as its name, then town and address, under an introduction in the chat’s language', () => {
    const point = { name: 'Салон', town: 'Київ', address: 'вул. Хрещатик, 1' };
    expect(pointOfSaleText(point, 'uk')).toBe('Найближча точка продажу, де можна підписати заяву:\nСалон\nКиїв, вул. Хрещатик, 1');
    expect(pointOfSaleText(point, 'en').split('\n')[0]).toBe('The nearest point of sale where you can sign an application:');
  });
});

import { expect, test, type Page } from '@playwright/test';
import { closeChatsLeftOpen, operatorChatView, rememberChat } from './application-steps';
import { attemptTag, hydrated, signIn } from './helpers';

// A retry starts clean: the chats an attempt opened never hold the shared operators' places,
// and a waiting one is never left to be offered to operators of later tests.
test.afterEach(closeChatsLeftOpen);

// A real 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function send(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Повідомлення…' }).fill(text);
  await page.getByRole('button', { name: 'Надіслати' }).click();
}

const messages = (page: Page) => page.getByTestId('message');

test('a dealer and an operator chat live; a dropped connection loses nothing; the chat is closed and rated', async ({ browser }) => {
  test.setTimeout(90_000);
  const operatorContext = await browser.newContext();
  const dealerContext = await browser.newContext();
  const operator = await operatorContext.newPage();
  const dealer = await dealerContext.newPage();

  await signIn(operator, 'operator@demo.local');
  await expect(operator).toHaveURL(/\/operator$/);
  await hydrated(operator);
  await operator.getByTestId('operator-status').selectOption('available');
  await expect(operator.getByTestId('operator-status')).toHaveValue('available');

  await signIn(dealer, 'dealer@demo.local');
  await expect(dealer).toHaveURL(/\/dealer$/);
  await hydrated(dealer);
  const topic = `Заміна SIM ${attemptTag()}`;
  await dealer.getByLabel('Тема (необов’язково)').fill(topic);
  await dealer.getByRole('button', { name: 'Почати чат з оператором' }).click();
  await expect(dealer).toHaveURL(/\/dealer\/chats\/[0-9a-f-]{36}$/);
  rememberChat(dealer, dealer.url());

  // The operator sees the waiting chat without reloading (offered to them, or to a colleague
  // when other tests have operators online) and takes it.
  const offer = operator.getByTestId('queue-item').filter({ hasText: topic });
  await offer.getByRole('button', { name: 'Прийняти' }).click();
  // The console shows this chat, not another the operator has open in a parallel test.
  await expect(operatorChatView(operator, topic)).toHaveAttribute('data-status', 'active');
  await expect(dealer.getByTestId('chat-status')).toHaveText('Триває');
  await expect(dealer.getByTestId('system-message').first()).toContainText('Ірина Коваль приєднується до чату');

  await send(dealer, 'Добрий день! Абонент втратив SIM-картку.');
  await expect(operator.getByTestId('chat-view').getByText('Добрий день! Абонент втратив SIM-картку.')).toBeVisible();
  await send(operator, 'Вітаю! Надішліть, будь ласка, фото паспорта.');
  await expect(dealer.getByText('Вітаю! Надішліть, будь ласка, фото паспорта.')).toBeVisible();

  // The operator sends a photo; the dealer sees it.
  await operator.getByTestId('attach-input').setInputFiles({ name: 'zrazok.png', mimeType: 'image/png', buffer: PNG });
  await expect(dealer.getByTestId('attachment-image')).toBeVisible();

  // The dealer's network drops: a message typed offline waits, the operator writes meanwhile.
  await dealerContext.setOffline(true);
  await send(dealer, 'Пишу без зв’язку');
  await expect(dealer.getByTestId('pending-message')).toContainText('Пишу без зв’язку');
  await send(operator, 'Поки вас не було');
  await dealerContext.setOffline(false);

  await expect(dealer.getByText('Поки вас не було')).toBeVisible({ timeout: 20_000 });
  await expect(operator.getByText('Пишу без зв’язку')).toBeVisible({ timeout: 20_000 });
  await expect(dealer.getByTestId('pending-message')).toHaveCount(0);
  // Every message exactly once, in the same order on both sides.
  const expected = ['Добрий день! Абонент втратив SIM-картку.', 'Вітаю! Надішліть, будь ласка, фото паспорта.', 'zrazok.png'];
  await expect(messages(dealer)).toHaveCount(5);
  await expect(messages(operator)).toHaveCount(5);
  const dealerTexts = await messages(dealer).allInnerTexts();
  const operatorTexts = await messages(operator).allInnerTexts();
  expect(dealerTexts[0]).toContain(expected[0]);
  expect(dealerTexts[1]).toContain(expected[1]);
  expect(dealerTexts.filter((t) => t.includes('Пишу без зв’язку'))).toHaveLength(1);
  expect(operatorTexts.filter((t) => t.includes('Пишу без зв’язку'))).toHaveLength(1);
  expect(dealerTexts.filter((t) => t.includes('Поки вас не було'))).toHaveLength(1);

  // The operator closes; the dealer rates.
  await operator.getByRole('button', { name: 'Завершити чат' }).click();
  // Closing asks first (and names the chat's open applications).
  await operator.getByRole('dialog', { name: 'Завершити чат?' }).getByRole('button', { name: 'Завершити', exact: true }).click();
  await expect(dealer.getByTestId('chat-status')).toHaveText('Завершено');
  await dealer.getByRole('button', { name: '4' }).click();
  await dealer.getByLabel('Коментар (необов’язково)').fill('Дякую, швидко');
  await dealer.getByRole('button', { name: 'Оцінити' }).click();
  await expect(dealer.getByTestId('rated')).toHaveText('Дякуємо за оцінку: 4 з 5.');

  // The transcript of the closed chat downloads.
  const download = dealer.waitForEvent('download');
  await dealer.getByTestId('transcript-link').click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray();
  expect(Buffer.concat(text).toString('utf8')).toContain('Пишу без зв’язку');

  await operatorContext.close();
  await dealerContext.close();
});

test('bad chat input gets clear errors', async ({ page }) => {
  await signIn(page, 'dealer2@demo.local');
  await expect(page).toHaveURL(/\/dealer$/);
  const start = await page.request.post('/api/trpc/chat.start', { data: { json: { topic: 'Помилки' } } });
  expect(start.status()).toBe(200);
  const chatId = (await start.json()).result.data.json.chatId as string;
  rememberChat(page, `/dealer/chats/${chatId}`);

  const empty = await page.request.post('/api/trpc/chat.send', { data: { json: { chatId, clientId: crypto.randomUUID(), text: '' } } });
  expect(empty.status()).toBe(400);
  const long = await page.request.post('/api/trpc/chat.send', { data: { json: { chatId, clientId: crypto.randomUUID(), text: 'я'.repeat(4001) } } });
  expect(long.status()).toBe(400);

  // Files only go to an active chat; this one waits: CONFLICT. A renamed .exe and an 11 MB file are refused by the upload route.
  const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300)]);
  const renamed = await page.request.post(`/api/chats/${chatId}/attachments`, {
    multipart: { clientId: crypto.randomUUID(), file: { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: exe } },
  });
  expect([400, 409]).toContain(renamed.status());
  const huge = await page.request.post(`/api/chats/${chatId}/attachments`, {
    multipart: { clientId: crypto.randomUUID(), file: { name: 'big.png', mimeType: 'image/png', buffer: Buffer.concat([PNG, Buffer.alloc(11 * 1024 * 1024)]) } },
  });
  expect(huge.status()).toBe(413);
  expect((await huge.json()).error).toMatchObject({ messageKey: 'errors.fileTooLarge', params: {} });

  const other = await page.request.get(`/api/trpc/chat.get?input=${encodeURIComponent(JSON.stringify({ json: { chatId: crypto.randomUUID() } }))}`);
  expect(other.status()).toBe(404);
});

import { expect, type Browser, type Page } from '@playwright/test';
import { isValidRnokpp, unzrCheckDigit } from '../templates/validators';
import { hydrated, signIn } from './helpers';

/** Steps of the dealer's and the operator's main path, shared by the browser tests. */
export function rnokppFor(birthDate: string, serial: string): string {
  const days = Math.round((Date.parse(`${birthDate}T00:00:00Z`) - Date.parse('1899-12-31T00:00:00Z')) / 86_400_000);
  const stem = `${String(days).padStart(5, '0')}${serial}`;
  const digit = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].find((d) => isValidRnokpp(`${stem}${d}`));
  return `${stem}${digit}`;
}

export const field = (page: Page, path: string) => page.locator(`[id="${path}"]`);

/** Chats this worker's current test opened, with the dealer page that can end them. */
const openedChats: { dealer: Page; chatId: string }[] = [];

/** Remembers a chat for `closeChatsLeftOpen`. */
export function rememberChat(dealer: Page, chatUrl: string) {
  const chatId = /\/chats\/([0-9a-f-]{36})$/.exec(chatUrl)?.[1];
  if (chatId) openedChats.push({ dealer, chatId });
}

/**
 * For `test.afterEach`: ends every chat the test opened, passed or failed (a waiting one is
 * cancelled, an active one closed). The demo operators are shared and take 3 chats at once, so a
 * chat left open by a failed attempt would otherwise leave its retry (and later tests) no room.
 */
export async function closeChatsLeftOpen() {
  for (const { dealer, chatId } of openedChats.splice(0)) {
    try {
      const closed = await dealer.request.post('/api/trpc/chat.close', { data: { json: { chatId } } });
      if (!closed.ok()) await dealer.request.post('/api/trpc/chat.cancel', { data: { json: { chatId } } });
    } catch {
      // The test closed the page's context itself: its chat was ended there.
    }
  }
}

/** The operator's console showing the chat of this topic (its header names the topic). */
export const operatorChatView = (operator: Page, topic: string) => operator.getByTestId('chat-view').filter({ hasText: topic });

/** A dealer and an operator in an active chat; returns both pages. Use `closeChatsLeftOpen` after each test. */
export async function openChat(browser: Browser, dealerEmail: string, operatorEmail: string, topic: string) {
  const operator = await (await browser.newContext()).newPage();
  const dealer = await (await browser.newContext()).newPage();
  dealer.on('pageerror', (e) => console.log('DEALER PAGEERROR', e.message, e.stack?.split('\n').slice(0, 4).join(' / ')));
  await signIn(operator, operatorEmail);
  await expect(operator).toHaveURL(/\/operator$/);
  await hydrated(operator);
  await operator.getByTestId('operator-status').selectOption('available');
  await expect(operator.getByTestId('operator-status')).toHaveValue('available');
  await signIn(dealer, dealerEmail);
  await expect(dealer).toHaveURL(/\/dealer$/);
  await hydrated(dealer);
  await dealer.getByLabel('Тема (необов’язково)').fill(topic);
  await dealer.getByRole('button', { name: 'Почати чат з оператором' }).click();
  await expect(dealer).toHaveURL(/\/dealer\/chats\/[0-9a-f-]{36}$/);
  rememberChat(dealer, dealer.url());
  const offer = operator.getByTestId('queue-item').filter({ hasText: topic });
  await offer.getByRole('button', { name: 'Прийняти' }).click();
  await expect(dealer.getByTestId('chat-status')).toHaveText('Триває');
  // The console shows this chat (until its list has it, it shows the operator's first other
  // chat, which a parallel test may have opened): only then do its buttons act on this chat.
  await expect(operatorChatView(operator, topic)).toHaveAttribute('data-status', 'active');
  return { dealer, operator };
}

export async function createApplication(dealer: Page, title: string) {
  await dealer.getByLabel('Нова заява…').selectOption({ label: title });
  await dealer.getByRole('button', { name: 'Створити' }).click();
  await expect(dealer).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  await expect(dealer.getByTestId('application-status')).toHaveText('Чернетка');
}

export async function identify(page: Page, party: string, person: { fullName: string; birthDate: string; document: 'booklet' | 'id_card'; number: string; issuer: string; issuedOn: string; expiresOn?: string; serial: string }) {
  const form = page.getByTestId(`identification-form-${party}`);
  await form.getByLabel('Прізвище, ім’я, по батькові').fill(person.fullName);
  await form.getByLabel('Дата народження').fill(person.birthDate);
  if (person.document === 'id_card') {
    await form.getByLabel('Документ').selectOption('id_card');
    await form.getByLabel('Номер документа').fill(person.number);
    await form.getByLabel('Орган, що видав (код)').fill(person.issuer);
    await form.getByLabel('Дійсний до').fill(person.expiresOn ?? '');
    const first12 = `${person.birthDate.replaceAll('-', '')}0042`;
    await form.getByLabel('Запис № (УНЗР)').fill(`${first12.slice(0, 8)}-${first12.slice(8)}${unzrCheckDigit(first12)}`);
  } else {
    await form.getByLabel('Серія і номер паспорта').fill(person.number);
    await form.getByLabel('Ким виданий').fill(person.issuer);
  }
  await form.getByLabel('Дата видачі').fill(person.issuedOn);
  await form.getByLabel('РНОКПП (ІПН)').fill(rnokppFor(person.birthDate, person.serial));
  await form.getByTestId('scan-input').setInputFiles({ name: 'passport.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n') });
  await expect(form.getByTestId('scans')).toContainText('passport.pdf');
  await form.getByLabel('Підтверджую').check();
  await form.getByRole('button', { name: 'Зберегти ідентифікацію' }).click();
  await expect(page.getByTestId(`party-${party}`).getByTestId('identification-summary')).toBeVisible();
}

export async function draw(page: Page, party: string) {
  const canvas = page.getByTestId(`signature-${party}`).getByTestId('signature-canvas');
  // In the middle of the screen: the strokes must land on the pad, not on the sticky action bar below it.
  await canvas.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 20; i += 1) await page.mouse.move(box.x + 20 + i * 12, box.y + box.height / 2 + Math.sin(i) * 25, { steps: 2 });
  await page.mouse.up();
}


/** A tariff change from creation to a complete form: identified with a passport booklet, all fields filled. */
export async function filledTariffChange(dealer: Page) {
  await createApplication(dealer, 'Заява на зміну тарифного плану');
  await identify(dealer, 'subscriber', { fullName: 'Бондар Ольга Василівна', birthDate: '1979-11-02', document: 'booklet', number: 'ВК654321', issuer: 'Косівським РВ УМВС', issuedOn: '1996-01-10', serial: '0777' });
  await field(dealer, 'tariff.msisdn').fill('097 765 43 21');
  await field(dealer, 'tariff.currentTariff').selectOption('smart-start');
  await field(dealer, 'tariff.newTariff').selectOption('bezlim');
  await field(dealer, 'tariff.effective').selectOption('now');
  await dealer.getByRole('button', { name: 'Завершити заповнення' }).click();
  await expect(dealer.getByTestId('application-status')).toHaveText('Заповнено');
}

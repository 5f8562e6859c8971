import { expect, test, type Browser, type Page } from '@playwright/test';
import { createApplication } from './application-steps';
import { hydrated, signIn } from './helpers';

// Each test has an operator of its own, so offers to the shared demo operators (or theirs to ours)
// stay out of the way; serial, so this file's two operators do not take each other's offers.
test.describe.configure({ mode: 'serial' });

/** An operator made by the admin for this test alone. */
async function freshOperator(browser: Browser, label: string) {
  const context = await browser.newContext();
  const admin = await context.newPage();
  await signIn(admin, 'admin@demo.local');
  await expect(admin).toHaveURL(/\/admin$/);
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const account = { name: `Оператор ${label} ${stamp}`, email: `op-${label}-${stamp}@example.com`, password: 'operator-pass-1' };
  const created = await admin.request.post('/api/trpc/admin.users.create', { data: { json: { ...account, role: 'operator' } } });
  expect(created.status()).toBe(200);
  await context.close();
  return account;
}

/** Counts the oscillators the page makes: each offer chime makes two (nothing is heard in headless Chromium). */
async function countChimes(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __oscillators: number };
    w.__oscillators = 0;
    const original = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function createOscillator(this: AudioContext) {
      w.__oscillators += 1;
      return original.call(this);
    };
  });
}
const chimes = (page: Page) => page.evaluate(() => (window as unknown as { __oscillators: number }).__oscillators);

const unreadInTitle = async (page: Page) => Number(/^\((\d+)\) /.exec(await page.title())?.[1] ?? 0);

async function goAvailable(operator: Page) {
  await expect(operator).toHaveURL(/\/operator$/);
  await hydrated(operator);
  await operator.getByTestId('operator-status').selectOption('available');
  await expect(operator.getByTestId('operator-status')).toHaveValue('available');
}

async function startChat(dealer: Page, topic: string) {
  await dealer.goto('/dealer');
  await hydrated(dealer);
  await dealer.getByLabel('Тема (необов’язково)').fill(topic);
  await dealer.getByRole('button', { name: 'Почати чат з оператором' }).click();
  await expect(dealer).toHaveURL(/\/dealer\/chats\/[0-9a-f-]{36}$/);
}

test('an offer noticed while the operator is on an application page', async ({ browser }) => {
  test.setTimeout(150_000);
  const account = await freshOperator(browser, 'app');
  const operator = await (await browser.newContext()).newPage();
  const dealer = await (await browser.newContext()).newPage();
  const caller = await (await browser.newContext()).newPage();
  await countChimes(operator);

  // The operator takes a chat in which the dealer opens an application, and goes to verify it.
  await signIn(operator, account.email, account.password);
  await goAvailable(operator);
  await signIn(dealer, 'dealer@demo.local');
  await expect(dealer).toHaveURL(/\/dealer$/);
  const first = `Перевірка ${Date.now()}`;
  await startChat(dealer, first);
  await operator.getByTestId('queue-item').filter({ hasText: first }).getByRole('button', { name: 'Прийняти' }).click();
  await expect(dealer.getByTestId('chat-status')).toHaveText('Триває');
  await createApplication(dealer, 'Заява на заміну SIM-картки');
  await operator.goto(dealer.url());
  await hydrated(operator);
  await expect(operator.getByTestId('application-status')).toBeVisible();
  await expect(operator).toHaveTitle('Заява · Dealer Desk');
  expect(await chimes(operator)).toBe(0);

  // Another dealer asks for an operator: while it is offered, they are told an operator answers now.
  await signIn(caller, 'dealer2@demo.local');
  await expect(caller).toHaveURL(/\/dealer$/);
  const second = `Новий чат ${Date.now()}`;
  await startChat(caller, second);
  await expect(caller.getByTestId('queue-outlook')).toHaveText('Оператор відповість зараз');

  // The operator, still on the application page, sees the offer (other tests' operators may be
  // offered it first; it comes round within a few offer time-outs), hears it, and the tab counts it.
  const banner = operator.getByTestId('offer-banner').filter({ hasText: second });
  await expect(banner).toBeVisible({ timeout: 45_000 });
  await expect(banner).toContainText('Тарас Бойко');
  await expect(operator).toHaveTitle(/^\(\d+\) Заява · Dealer Desk$/);
  expect(await chimes(operator)).toBeGreaterThan(0);
  await expect(operator.getByTestId('application-status')).toBeVisible();

  // Accept from the banner: the console opens with that chat.
  await banner.getByRole('button', { name: 'Прийняти' }).click();
  await expect(operator).toHaveURL(/\/operator\?chat=[0-9a-f-]{36}$/);
  await expect(operator.getByTestId('chat-view')).toContainText(second);
  await expect(operator.getByTestId('chat-view')).toHaveAttribute('data-status', 'active');
  await expect(caller.getByTestId('chat-status')).toHaveText('Триває');
  await expect(banner).toHaveCount(0);
  // The tab names the person, the topic, and how long they have waited for a word.
  const tab = operator.getByTestId('chat-tab').filter({ hasText: second });
  await expect(tab).toContainText('Тарас Бойко');
  await expect(tab.getByTestId('tab-waiting')).toContainText('чекає відповіді');

  // The dealer, back on their desk, has the operator's answer counted in the tab's title until they read it.
  await caller.goto('/dealer');
  await hydrated(caller);
  await expect(caller.getByTestId('dealer-chats')).toContainText(second);
  await expect(caller).toHaveTitle(/Робоче місце дилера · Dealer Desk$/);
  const before = await unreadInTitle(caller);
  await operator.getByRole('textbox', { name: 'Повідомлення…' }).fill('Вітаю! Чим допомогти?');
  await operator.getByRole('button', { name: 'Надіслати' }).click();
  await expect(tab.getByTestId('tab-waiting')).toHaveCount(0);
  await expect.poll(() => unreadInTitle(caller)).toBeGreaterThan(before);
  await caller.getByTestId('dealer-chats').getByText(second).click();
  await expect(caller.getByText('Вітаю! Чим допомогти?')).toBeVisible();
  await expect(caller).toHaveTitle(/Чат з оператором · Dealer Desk$/);
  await expect.poll(() => unreadInTitle(caller)).toBeLessThanOrEqual(before);

  // The chime switched off stays off after a reload; the next offer shows, silently.
  await hydrated(operator);
  await operator.getByTestId('console-offer-sound').uncheck();
  await operator.reload();
  await hydrated(operator);
  await expect(operator.getByTestId('console-offer-sound')).not.toBeChecked();
  const third = `Тихий чат ${Date.now()}`;
  await startChat(caller, third);
  const quiet = operator.getByTestId('offer-banner').filter({ hasText: third });
  await expect(quiet).toBeVisible({ timeout: 45_000 });
  await expect(operator).toHaveTitle(/^\(\d+\) Консоль оператора · Dealer Desk$/);
  expect(await chimes(operator)).toBe(0);

  // The dealer stops waiting: the banner and the count go.
  await caller.getByRole('button', { name: 'Скасувати очікування' }).click();
  await expect(quiet).toHaveCount(0);
  await expect(operator).toHaveTitle('Консоль оператора · Dealer Desk');

  await operator.request.post('/api/trpc/operator.setStatus', { data: { json: { status: 'offline' } } });
  await Promise.all([operator.context().close(), dealer.context().close(), caller.context().close()]);
});

test('an operator set away after missed offers sees it and is back with one click', async ({ browser }) => {
  test.setTimeout(120_000);
  const account = await freshOperator(browser, 'away');
  const operator = await (await browser.newContext()).newPage();
  const dealer = await (await browser.newContext()).newPage();
  await signIn(operator, account.email, account.password);
  await goAvailable(operator);
  // Busy with packages, the operator misses the offers.
  await operator.getByTestId('packages-link').click();
  await expect(operator).toHaveURL(/\/operator\/packages$/);
  await expect(operator).toHaveTitle('Пакети документів · Dealer Desk');

  await signIn(dealer, 'dealer2@demo.local');
  await expect(dealer).toHaveURL(/\/dealer$/);
  const chatIds: string[] = [];
  for (const n of [1, 2, 3]) {
    const started = await dealer.request.post('/api/trpc/chat.start', { data: { json: { topic: `Пропущений ${n} ${Date.now()}` } } });
    chatIds.push((await started.json()).result.data.json.chatId as string);
  }
  await expect(operator.getByTestId('offer-banner').first()).toBeVisible({ timeout: 45_000 });

  // Three offers expire: the server sets the operator away, and the page says so.
  const notice = operator.getByTestId('away-notice');
  await expect(notice).toBeVisible({ timeout: 60_000 });
  await expect(notice).toContainText(/Ви пропустили \d+ пропозиц(ії|ій) чату поспіль/);
  await expect(notice).toContainText('«Відійшов»');
  // The notice leaves the header free: signing out and the language stay within reach.
  await operator.getByRole('button', { name: 'Вийти' }).click({ trial: true });

  // One click back: available again, and the waiting chats are offered at once.
  await notice.getByRole('button', { name: 'Я на місці' }).click();
  await expect(notice).toHaveCount(0);
  await expect(operator.getByTestId('offer-banner').first()).toBeVisible({ timeout: 45_000 });
  await operator.goto('/operator');
  await hydrated(operator);
  await expect(operator.getByTestId('operator-status')).toHaveValue('available');

  for (const chatId of chatIds) await dealer.request.post('/api/trpc/chat.cancel', { data: { json: { chatId } } });
  await operator.request.post('/api/trpc/operator.setStatus', { data: { json: { status: 'offline' } } });
  await Promise.all([operator.context().close(), dealer.context().close()]);
});

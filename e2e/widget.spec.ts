import { createHmac } from 'node:crypto';
import { expect, test, type Browser, type BrowserContext, type FrameLocator, type Page } from '@playwright/test';
import { operatorChatView } from './application-steps';
import { attemptTag, freshMsisdn, fromDevInbox, hydrated, signIn } from './helpers';
import { E2E_PORTAL_TOKEN_SECRET, startWidgetSite, WIDGET_SITE_OFFSETS, type WidgetSite } from './widget-site';

// The subscriber's chat embedded in a page of another site (issue 17): the loader's launcher, the
// chat in the app's frame, the operator in the console of a second browser context.

const APP_PORT = Number(process.env.E2E_PORT ?? 3100);
const APP = `http://localhost:${APP_PORT}`;
const FRAME = 'iframe[title="Чат з оператором"]';

// A real 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let site: WidgetSite;
/** The widget sessions a test opened: their open chats are left after it, passed or failed. */
const sessions: Page[] = [];

test.beforeEach(async () => {
  // An allowed origin of this worker's slot (playwright.config.ts lets them frame the chat).
  const slot = test.info().parallelIndex % WIDGET_SITE_OFFSETS.length;
  site = await startWidgetSite(APP, APP_PORT + (WIDGET_SITE_OFFSETS[slot] ?? 1));
});

test.afterEach(async () => {
  for (const page of sessions.splice(0)) {
    try {
      // The loader keeps the widget's token in the site's storage.
      const token = await page.evaluate((key) => window.localStorage.getItem(key), `dealer-desk-widget:${APP}:token`);
      if (!token) continue;
      const headers = { authorization: `Bearer ${token}` };
      const current = await page.request.get(`${APP}/api/widget/trpc/chat.current`, { headers });
      const chatId = ((await current.json()) as { result?: { data?: { json?: { id?: string; status?: string } | null } } }).result?.data?.json?.id;
      if (chatId) await page.request.post(`${APP}/api/widget/trpc/chat.leave`, { headers, data: { json: { chatId } } });
    } catch {
      // The test closed the page itself.
    }
  }
  await site.close();
});

/** The self-service portal's token (docs/widget.md: v1.<msisdn>.<exp>.<base64url HMAC-SHA256 of "v1.<msisdn>.<exp>">). */
function portalToken(msisdn: string, lifeSeconds = 300): string {
  const exp = Math.floor(Date.now() / 1000) + lifeSeconds;
  const mac = createHmac('sha256', E2E_PORTAL_TOKEN_SECRET).update(`v1.${msisdn}.${exp}`, 'utf8').digest('base64url');
  return `v1.${msisdn}.${exp}.${mac}`;
}

/** The site's page with the launcher; pressing it opens the chat in the app's frame. */
async function embedded(browser: Browser, origin = site.origin, query = '', options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page; chat: FrameLocator }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(`${origin}/${query}`);
  const launcher = page.getByRole('button', { name: /^Чат з оператором/ });
  await expect(launcher).toBeVisible();
  sessions.push(page);
  return { context, page, chat: page.frameLocator(FRAME) };
}

async function openChat(page: Page, chat: FrameLocator) {
  await page.getByRole('button', { name: /^Чат з оператором/ }).click();
  await chat.locator('body[data-hydrated="true"]').waitFor();
  await expect(chat.getByTestId('widget')).toHaveAttribute('data-ready', 'true');
}

/** The newest one-time code the development SMS (or e-mail) inbox holds for this address. */
const codeFromDevInbox = (browser: Browser, to: string, notThis?: string) => fromDevInbox(browser, to, /\b(\d{6})\b/, notThis);

async function requestCode(chat: FrameLocator, msisdn: string) {
  await chat.getByLabel('Номер мобільного').fill(msisdn);
  await chat.getByRole('button', { name: 'Надіслати код' }).click();
  await expect(chat.getByText(`Код надіслано на ${msisdn}`)).toBeVisible();
}

async function operatorOnline(browser: Browser): Promise<{ context: BrowserContext; operator: Page }> {
  const context = await browser.newContext();
  const operator = await context.newPage();
  await signIn(operator, 'operator@demo.local');
  await expect(operator).toHaveURL(/\/operator$/);
  await hydrated(operator);
  await operator.getByTestId('operator-status').selectOption('available');
  await expect(operator.getByTestId('operator-status')).toHaveValue('available');
  return { context, operator };
}

/** The subscriber asks; the operator takes the waiting chat from the queue (it is named by the question). */
async function askAndAccept(chat: FrameLocator, operator: Page, question: string) {
  await chat.getByLabel('Ваше питання').fill(question);
  await chat.getByRole('button', { name: 'Запитати' }).click();
  await expect(chat.getByTestId('widget-chat')).toHaveAttribute('data-status', 'queued');
  await expect(chat.getByTestId('widget-message').filter({ hasText: question })).toBeVisible();
  await operator.getByTestId('queue-item').filter({ hasText: question }).getByRole('button', { name: 'Прийняти' }).click();
  await expect(operatorChatView(operator, question)).toHaveAttribute('data-status', 'active');
  await expect(chat.getByTestId('widget-chat')).toHaveAttribute('data-status', 'active');
}

async function operatorSays(operator: Page, topic: string, text: string) {
  const view = operatorChatView(operator, topic);
  await view.getByRole('textbox', { name: 'Повідомлення…' }).fill(text);
  await view.getByRole('button', { name: 'Надіслати' }).click();
}

async function subscriberSays(chat: FrameLocator, text: string) {
  await chat.getByLabel('Повідомлення…').fill(text);
  await chat.getByRole('button', { name: 'Надіслати' }).click();
}

test('a subscriber proves the number by SMS code, chats with an operator both ways, sends a photo, loses the network without losing a message, rates', async ({ browser }) => {
  test.setTimeout(120_000);
  const msisdn = freshMsisdn();
  const question = `Не працює роумінг ${attemptTag()}`;
  const { context, page, chat } = await embedded(browser);
  const { context: operatorContext, operator } = await operatorOnline(browser);

  // The chat itself is fetched only when the launcher is pressed.
  await expect(page.locator(FRAME)).toHaveCount(0);
  await openChat(page, chat);
  await expect(chat.getByRole('heading', { name: 'Чат з оператором' })).toBeVisible();

  await requestCode(chat, msisdn);
  await chat.getByLabel('Код з SMS або листа (6 цифр)').fill(await codeFromDevInbox(browser, msisdn));
  await chat.getByRole('button', { name: 'Підтвердити' }).click();
  await expect(chat.getByTestId('widget-visitor')).toHaveText(`Номер ${msisdn} підтверджено`);

  await askAndAccept(chat, operator, question);
  const view = operatorChatView(operator, question);

  // Both ways.
  await operatorSays(operator, question, 'Вітаю! Що саме не працює?');
  await expect(chat.getByTestId('widget-message').filter({ hasText: 'Вітаю! Що саме не працює?' })).toBeVisible();
  await subscriberSays(chat, 'Немає мережі в Польщі');
  await expect(view.getByText('Немає мережі в Польщі')).toBeVisible();
  // The operator has read it.
  await expect(chat.getByTestId('read-state')).toHaveText(/Прочитано/);

  // A photo.
  await chat.getByTestId('widget-gallery').setInputFiles({ name: 'ekran.png', mimeType: 'image/png', buffer: PNG });
  await expect(chat.getByTestId('widget-photo')).toBeVisible();
  await expect(view.getByTestId('attachment-image')).toBeVisible();

  // The network drops: what the subscriber types waits, the operator writes meanwhile.
  await context.setOffline(true);
  await expect(chat.getByTestId('widget-offline')).toBeVisible();
  await subscriberSays(chat, 'Пишу без зв’язку');
  await expect(chat.getByTestId('widget-pending').filter({ hasText: 'Пишу без зв’язку' })).toBeVisible();
  await operatorSays(operator, question, 'Поки вас не було');
  await context.setOffline(false);
  await expect(view.getByText('Пишу без зв’язку')).toBeVisible({ timeout: 20_000 });
  await expect(chat.getByTestId('widget-message').filter({ hasText: 'Поки вас не було' })).toBeVisible({ timeout: 20_000 });
  await expect(chat.getByTestId('widget-pending')).toHaveCount(0);
  // Stored once, though sent after a drop.
  await expect(chat.getByTestId('widget-message').filter({ hasText: 'Пишу без зв’язку' })).toHaveCount(1);

  // The conversation survives a reload of the site's page.
  await page.reload();
  await openChat(page, chat);
  await expect(chat.getByTestId('widget-message').filter({ hasText: 'Пишу без зв’язку' })).toHaveCount(1);

  // The operator ends the chat; the subscriber rates it.
  await view.getByRole('button', { name: 'Завершити чат' }).click();
  await operator.getByRole('dialog', { name: 'Завершити чат?' }).getByRole('button', { name: 'Завершити', exact: true }).click();
  await expect(chat.getByTestId('after-chat')).toBeVisible();
  await chat.getByLabel('4 зірки').check({ force: true });
  await chat.getByLabel('Коментар (необов’язково)').fill('Дякую, допомогли');
  await chat.getByRole('button', { name: 'Оцінити' }).click();
  await expect(chat.getByTestId('rated')).toHaveText('Дякуємо за оцінку!');

  await operatorContext.close();
  await context.close();
});

test('a guest asks at once and gets an answer; the badge counts it while the chat is closed', async ({ browser }) => {
  test.setTimeout(90_000);
  const question = `Які тарифи для подорожей? ${attemptTag()}`;
  const { context, page, chat } = await embedded(browser);
  const { context: operatorContext, operator } = await operatorOnline(browser);
  await openChat(page, chat);
  await askAndAccept(chat, operator, question);
  await expect(chat.getByTestId('widget-visitor')).toHaveText('Гість');

  // The visitor minimises the chat; the operator's answer shows on the launcher's badge.
  await chat.getByRole('button', { name: 'Згорнути чат' }).click();
  await expect(page.locator(FRAME)).toBeHidden();
  await operatorSays(operator, question, 'Є тариф «Світ без кордонів»');
  await expect(page.getByRole('button', { name: /^Чат з оператором, непрочитаних: 1$/ })).toBeVisible();
  await page.getByRole('button', { name: /^Чат з оператором/ }).click();
  await expect(chat.getByTestId('widget-message').filter({ hasText: 'Світ без кордонів' })).toBeVisible();

  // The guest ends the chat.
  await chat.getByRole('button', { name: 'Завершити чат' }).click();
  await chat.getByRole('button', { name: 'Завершити чат' }).click();
  await expect(chat.getByTestId('after-chat')).toBeVisible();

  await operatorContext.close();
  await context.close();
});

test('the operator asks a guest to verify: the chat shows the form, the code proves the number, the console marks the chat verified', async ({ browser }) => {
  test.setTimeout(90_000);
  const question = `Скільки коштує мій тариф? ${attemptTag()}`;
  const msisdn = freshMsisdn();
  const { context, page, chat } = await embedded(browser);
  const { context: operatorContext, operator } = await operatorOnline(browser);
  await openChat(page, chat);
  await askAndAccept(chat, operator, question);
  const view = operatorChatView(operator, question);
  // The button is offered for the open chat while its visitor is a guest.
  const ask = operator.getByTestId('request-verification');
  await expect(ask).toBeVisible();
  await ask.click();
  const request = chat.getByTestId('verification-request');
  await expect(request).toBeVisible();
  await request.getByLabel('Номер мобільного').fill(msisdn);
  await request.getByRole('button', { name: 'Надіслати код' }).click();
  await request.getByLabel('Код з SMS або листа (6 цифр)').fill(await codeFromDevInbox(browser, msisdn));
  await request.getByRole('button', { name: 'Підтвердити' }).click();
  await expect(request).toHaveCount(0);
  await expect(chat.getByTestId('widget-visitor')).toHaveText(`Номер ${msisdn} підтверджено`);
  // The operator's chat says so live, and the button is gone: the visitor is no guest any more.
  await expect(view.getByText(`Підтверджено: ${msisdn}`)).toBeVisible();
  await expect(ask).toHaveCount(0);

  await operatorContext.close();
  await context.close();
});

test('inside the self-service portal the signed token proves the number with no code', async ({ browser }) => {
  const msisdn = freshMsisdn();
  const { context, page, chat } = await embedded(browser, site.origin, `?portal=${encodeURIComponent(portalToken(msisdn))}`);
  await openChat(page, chat);
  await expect(chat.getByTestId('widget-visitor')).toHaveText(`Номер ${msisdn} підтверджено`);
  await expect(chat.getByTestId('prove-form')).toHaveCount(0);
  await context.close();
});

test('a wrong code three times is refused, and then the right one too', async ({ browser }) => {
  const msisdn = freshMsisdn();
  const { context, page, chat } = await embedded(browser);
  await openChat(page, chat);
  await requestCode(chat, msisdn);
  const right = await codeFromDevInbox(browser, msisdn);
  const wrong = right === '000000' ? '111111' : '000000';
  const code = chat.getByLabel('Код з SMS або листа (6 цифр)');
  for (const left of [2, 1]) {
    await code.fill(wrong);
    await chat.getByRole('button', { name: 'Підтвердити' }).click();
    await expect(chat.getByTestId('prove-error')).toHaveText(`Неправильний код. Залишилось спроб: ${left}`);
  }
  await code.fill(wrong);
  await chat.getByRole('button', { name: 'Підтвердити' }).click();
  await expect(chat.getByTestId('prove-error')).toHaveText(/Неправильний код. Залишилось спроб: 0|Забагато неправильних спроб/);
  await code.fill(right);
  await chat.getByRole('button', { name: 'Підтвердити' }).click();
  await expect(chat.getByTestId('prove-error')).toHaveText('Забагато неправильних спроб. Запитайте новий код');
  await expect(chat.getByTestId('widget-visitor')).not.toHaveText(/підтверджено/);
  await context.close();
});

test('a number that is not a Ukrainian mobile is refused clearly', async ({ browser }) => {
  const { context, page, chat } = await embedded(browser);
  await openChat(page, chat);
  await chat.getByLabel('Номер мобільного').fill('+48 601 234 567');
  await chat.getByRole('button', { name: 'Надіслати код' }).click();
  await expect(chat.getByTestId('prove-error')).toHaveText('Код можна надіслати лише на український мобільний номер (+380XXXXXXXXX)');
  await expect(chat.getByText(/Код надіслано/)).toHaveCount(0);
  await context.close();
});

test('a site not in WIDGET_ORIGINS cannot frame the chat', async ({ browser }) => {
  const stranger = await startWidgetSite(APP, 0);
  try {
    const { context, page, chat } = await embedded(browser, stranger.origin);
    // The loader itself is a public script; the frame it opens is refused by the app's CSP.
    const answer = page.waitForResponse((r) => r.url().startsWith(`${APP}/widget?`));
    await page.getByRole('button', { name: /^Чат з оператором/ }).click();
    const response = await answer;
    expect(response.headers()['content-security-policy']).toMatch(/frame-ancestors 'self'/);
    expect(response.headers()['content-security-policy']).not.toContain(stranger.origin);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    await expect.poll(() => frame?.url() ?? '').toMatch(/^chrome-error:/);
    await expect(chat.getByTestId('widget')).toHaveCount(0);
    await context.close();
  } finally {
    await stranger.close();
  }
});

test('on a phone the chat takes the whole screen, and minimising it brings the launcher back', async ({ browser }) => {
  const { context, page, chat } = await embedded(browser, site.origin, '', { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  await openChat(page, chat);
  await expect.poll(async () => page.locator(FRAME).boundingBox()).toEqual({ x: 0, y: 0, width: 360, height: 740 });
  await expect(page.getByRole('button', { name: /^Чат з оператором/ })).toBeHidden();
  // Labelled controls, reachable in the frame.
  await expect(chat.getByLabel('Ваше питання')).toBeVisible();
  await chat.getByRole('button', { name: 'Згорнути чат' }).click();
  await expect(page.locator(FRAME)).toBeHidden();
  await expect(page.getByRole('button', { name: /^Чат з оператором/ })).toBeVisible();
  await context.close();
});

import { expect, test, type Locator, type Page } from '@playwright/test';
import { createApplication, draw, field, filledTariffChange, identify, openChat } from './application-steps';
import { hydrated } from './helpers';

/**
 * The application page on the point-of-sale tablets, portrait and landscape: the chat is a drawer
 * beside or over the form (with an unread badge, keeping its state while hidden), the step's main
 * button sits in a sticky bar, remarks sit by their fields, read-only values show "—" when empty,
 * the signature pad goes full-screen and back without losing or distorting the drawing, and
 * closing a chat asks first, naming its open applications.
 */

const PORTRAIT = { width: 768, height: 1024 };
const LANDSCAPE = { width: 1024, height: 768 };

const scrollToTop = (page: Page) => page.evaluate(() => window.scrollTo(0, 0));
const pageHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);

/** Once the pad has been resized for its new size: the bitmap matches the size on screen at the screen's density. */
async function settled(canvas: Locator) {
  await expect.poll(() => canvas.evaluate((c: HTMLCanvasElement) => Math.abs(c.width - c.getBoundingClientRect().width * window.devicePixelRatio) < 2)).toBe(true);
}

/** The inked part of a canvas as fractions of its size: where the drawing sits, whatever the resolution. */
async function inkBox(canvas: Locator) {
  return canvas.evaluate((element) => {
    const c = element as HTMLCanvasElement;
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
    if (!data) return null;
    let [x0, y0, x1, y1] = [c.width, c.height, -1, -1];
    for (let y = 0; y < c.height; y += 1) {
      for (let x = 0; x < c.width; x += 1) {
        if ((data[(y * c.width + x) * 4 + 3] ?? 0) > 0) {
          x0 = Math.min(x0, x);
          y0 = Math.min(y0, y);
          x1 = Math.max(x1, x);
          y1 = Math.max(y1, y);
        }
      }
    }
    return x1 < 0 ? null : { left: x0 / c.width, top: y0 / c.height, right: (x1 + 1) / c.width, bottom: (y1 + 1) / c.height, aspect: c.width / c.height };
  });
}

async function layoutScenario(browser: import('@playwright/test').Browser, viewport: { width: number; height: number }) {
  const topic = `Планшет ${viewport.width}×${viewport.height} ${Date.now()}`;
  const { dealer, operator } = await openChat(browser, 'dealer@demo.local', 'operator2@demo.local', topic);
  await createApplication(dealer, 'Заява на заміну SIM-картки');
  const number = /DD-\d{4}-\d{6}/.exec(await dealer.getByTestId('application-workspace').innerText())?.[0] ?? '';
  expect(number).not.toBe('');

  // Below 1280 px the chat is a drawer, closed at first; its toggle is in reach.
  const toggle = dealer.getByTestId('chat-toggle');
  await expect(toggle).toBeInViewport({ ratio: 1 });
  await expect(dealer.getByTestId('chat-view')).toBeHidden();

  await identify(dealer, 'subscriber', { fullName: 'Коваленко Марія Іванівна', birthDate: '1985-03-14', document: 'booklet', number: 'кв 123456', issuer: 'Барським РВ УМВС України у Вінницькій області', issuedOn: '2001-04-20', serial: '0123' });
  await field(dealer, 'number.msisdn').fill('067 123 45 67');
  await field(dealer, 'number.reason').selectOption('lost');
  await field(dealer, 'number.simType').selectOption('physical');
  await field(dealer, 'number.iccid').fill('8938001234567890123');
  // The SIM is lost and the subscriber has no other contact: the guard then waits out a period.
  await field(dealer, 'contact.noContact').check();

  // The page is longer than the screen, yet the step's button and the chat toggle are on it, at the top and half-way down.
  expect(await pageHeight(dealer)).toBeGreaterThan(viewport.height);
  const complete = dealer.getByTestId('action-bar').getByRole('button', { name: 'Завершити заповнення' });
  for (const at of [0, 0.5]) {
    await dealer.evaluate((f) => window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) * f), at);
    await expect(complete).toBeInViewport({ ratio: 1 });
    await expect(toggle).toBeInViewport({ ratio: 1 });
  }
  await scrollToTop(dealer);
  await complete.click();
  await expect(dealer.getByTestId('application-status')).toHaveText('Заповнено');

  // The operator checks it on the tablet: an empty contact number reads "—", not the input's placeholder.
  await operator.getByTestId('application-card').last().getByRole('link', { name: 'Відкрити заяву' }).click();
  await expect(operator.getByTestId('application-status')).toHaveText('Заповнено');
  await expect(field(operator, 'contact.contactPhone')).toHaveText('—');
  await expect(field(operator, 'number.reason')).toHaveText('Втрачена');
  await expect(operator.getByTestId('template-form')).not.toContainText('+380 67 123 45 67');
  await operator.getByTestId('remark-number.iccid').fill('ICCID не збігається з карткою');
  await scrollToTop(operator);
  const giveBack = operator.getByTestId('action-bar').getByRole('button', { name: 'Повернути на доопрацювання' });
  await expect(giveBack).toBeInViewport({ ratio: 1 });
  await expect(operator.getByTestId('action-bar').getByRole('button', { name: 'Перевірено — все гаразд' })).toBeInViewport({ ratio: 1 });
  await giveBack.click();

  // The dealer: the remark right under its field, described by it; the banner at the top takes there.
  const iccid = field(dealer, 'number.iccid');
  const remark = dealer.locator('[data-field="number.iccid"]').getByTestId('field-remark');
  await expect(remark).toContainText('ICCID не збігається');
  await expect(iccid).toHaveAccessibleDescription(/ICCID не збігається/);
  await scrollToTop(dealer);
  const link = dealer.getByTestId('remarks-banner').getByRole('button', { name: /ICCID нової SIM-картки/ });
  await expect(link).toBeInViewport();
  await link.click();
  await expect(iccid).toBeFocused();
  await expect(iccid).toBeInViewport({ ratio: 1 });
  await expect(remark).toBeInViewport({ ratio: 1 });
  const [input, note] = [await iccid.boundingBox(), await remark.boundingBox()];
  if (!input || !note) throw new Error('no boxes');
  expect(note.y - (input.y + input.height)).toBeGreaterThanOrEqual(0);
  expect(note.y - (input.y + input.height)).toBeLessThan(12);
  expect(Math.abs(note.x - input.x)).toBeLessThan(2);
  await expect(dealer.getByTestId('action-bar').getByRole('button', { name: 'Завершити заповнення' })).toBeInViewport({ ratio: 1 });

  // The operator writes from their drawer; the dealer, drawer closed, sees an unread badge.
  await operator.getByTestId('chat-toggle').click();
  await expect(operator.getByTestId('chat-view')).toBeVisible();
  await operator.getByRole('textbox', { name: 'Повідомлення…' }).fill('Перевірте ICCID, будь ласка');
  await operator.getByRole('button', { name: 'Надіслати' }).click();
  await expect(dealer.getByTestId('chat-unread')).toHaveText('1');
  await toggle.click();
  const chat = dealer.getByTestId('chat-view');
  await expect(chat.getByText('Перевірте ICCID, будь ласка')).toBeVisible();
  await expect(dealer.getByTestId('chat-unread')).toHaveCount(0);
  if (viewport.width >= 1024) {
    // Landscape: the open chat sits beside the form, the step's button still uncovered.
    const [bar, drawer] = [await dealer.getByTestId('action-bar').boundingBox(), await dealer.getByTestId('chat-drawer').boundingBox()];
    if (!bar || !drawer) throw new Error('no boxes');
    expect(bar.x + bar.width).toBeLessThanOrEqual(drawer.x + 1);
    await expect(dealer.getByTestId('action-bar').getByRole('button', { name: 'Завершити заповнення' })).toBeInViewport({ ratio: 1 });
  }
  // Hidden, the chat keeps its state: a half-typed message is still there.
  await chat.getByRole('textbox', { name: 'Повідомлення…' }).fill('Зараз перевірю');
  await dealer.getByTestId('chat-drawer').getByRole('button', { name: 'Сховати чат' }).click();
  await expect(chat).toBeHidden();
  await toggle.click();
  await expect(chat.getByRole('textbox', { name: 'Повідомлення…' })).toHaveValue('Зараз перевірю');

  // Closing the chat asks first, naming the open application and what becomes of it.
  const operatorChat = operator.getByTestId('chat-view');
  await operatorChat.getByRole('button', { name: 'Завершити чат' }).click();
  const dialog = operator.getByRole('dialog', { name: 'Завершити чат?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('close-chat-open-applications')).toContainText(number);
  await expect(dialog.getByTestId('close-chat-open-applications')).toContainText('Заповнено');
  await expect(dialog).toContainText('залишаться в тому ж стані');
  await dialog.getByRole('button', { name: 'Не завершувати' }).click();
  await expect(dialog).toBeHidden();
  await expect(operatorChat).toHaveAttribute('data-status', 'active');
  await operatorChat.getByRole('button', { name: 'Завершити чат' }).click();
  await operator.getByRole('dialog', { name: 'Завершити чат?' }).getByRole('button', { name: 'Завершити', exact: true }).click();
  await expect(dealer.getByTestId('chat-status')).toHaveText('Завершено');
  // As the dialog said: the application is as it was, and the dealer can still finish it.
  await expect(dealer.getByTestId('application-status')).toHaveText('Заповнено');
  await dealer.getByTestId('chat-drawer').getByRole('button', { name: 'Сховати чат' }).click();
  await field(dealer, 'number.iccid').fill('8938001234567890999');
  await dealer.getByTestId('action-bar').getByRole('button', { name: 'Завершити заповнення' }).click();
  await expect(dealer.getByTestId('application-status')).toHaveText('Заповнено');
  await expect(dealer.getByTestId('application-notice')).toHaveCount(0);
}

test.describe('portrait tablet 768×1024', () => {
  test.use({ viewport: PORTRAIT });
  test('chat drawer with an unread badge, remark by its field, the step button in reach, "—" for empty values, close-chat confirmation', async ({ browser }) => {
    test.setTimeout(150_000);
    await layoutScenario(browser, PORTRAIT);
  });
});

test.describe('landscape tablet 1024×768', () => {
  test.use({ viewport: LANDSCAPE });
  test('chat beside the form with an unread badge, remark by its field, the step button in reach, "—" for empty values, close-chat confirmation', async ({ browser }) => {
    test.setTimeout(150_000);
    await layoutScenario(browser, LANDSCAPE);
  });

  test('the signature pad goes full-screen and back without losing or distorting the drawing; the signed PDF verifies', async ({ browser }) => {
    test.setTimeout(150_000);
    const { dealer, operator } = await openChat(browser, 'dealer2@demo.local', 'operator2@demo.local', `Підпис на весь екран ${Date.now()}`);
    await filledTariffChange(dealer);
    await operator.getByTestId('application-card').last().getByRole('link', { name: 'Відкрити заяву' }).click();
    await operator.getByTestId('action-bar').getByRole('button', { name: 'Перевірено — все гаразд' }).click();
    await expect(dealer.getByTestId('application-status')).toHaveText('Перевірено');

    const box = dealer.getByTestId('signature-subscriber');
    const canvas = box.getByTestId('signature-canvas');
    const signButton = dealer.getByTestId('action-bar').getByRole('button', { name: 'Підписати і засвідчити' });
    await expect(signButton).toBeInViewport({ ratio: 1 });
    await expect(signButton).toBeDisabled();
    // Full width on the page.
    const inline = await canvas.boundingBox();
    const panel = await dealer.getByTestId('signing-panel').boundingBox();
    if (!inline || !panel) throw new Error('no boxes');
    expect(inline.width).toBeGreaterThan(panel.width * 0.85);

    // Full screen: the pad fills the screen's width; draw there.
    await box.getByRole('button', { name: 'На весь екран' }).click();
    await expect(box).toHaveAttribute('data-fullscreen', 'true');
    await expect(canvas).toBeInViewport({ ratio: 1 });
    await settled(canvas);
    const full = await canvas.boundingBox();
    if (!full) throw new Error('no canvas');
    expect(full.width).toBeGreaterThan(LANDSCAPE.width * 0.85);
    expect(full.width).toBeGreaterThan(inline.width);
    await draw(dealer, 'subscriber');
    const drawn = await inkBox(canvas);
    expect(drawn).not.toBeNull();

    // Back on the page: the same drawing, in the same place of the pad, with the same proportions.
    await box.getByRole('button', { name: 'Готово' }).click();
    await expect(box).toHaveAttribute('data-fullscreen', 'false');
    await settled(canvas);
    const back = await inkBox(canvas);
    if (!drawn || !back) throw new Error('the drawing was lost');
    expect(back.aspect).toBeCloseTo(drawn.aspect, 1);
    for (const side of ['left', 'top', 'right', 'bottom'] as const) expect(Math.abs(back[side] - drawn[side])).toBeLessThan(0.03);

    await draw(dealer, 'dealer');
    await expect(signButton).toBeEnabled();
    await signButton.click();
    await expect(dealer.getByTestId('application-status')).toHaveText('Підписано');

    const downloading = dealer.waitForEvent('download');
    await dealer.getByTestId('download-pdf').click();
    const pdf = Buffer.concat(await (await (await downloading).createReadStream()).toArray());
    await dealer.goto('/verify');
    await hydrated(dealer);
    await dealer.getByTestId('verify-file').setInputFiles({ name: 'zayava.pdf', mimeType: 'application/pdf', buffer: pdf });
    await dealer.getByRole('button', { name: 'Перевірити' }).click();
    await expect(dealer.getByTestId('verify-result')).toHaveAttribute('data-result', 'authentic');

    // Free the shared operator's slot.
    await operator.getByTestId('chat-toggle').click();
    await operator.getByTestId('chat-view').getByRole('button', { name: 'Завершити чат' }).click();
    await operator.getByRole('dialog', { name: 'Завершити чат?' }).getByRole('button', { name: 'Завершити', exact: true }).click();
    await expect(operator.getByTestId('chat-view')).toHaveAttribute('data-status', 'closed');
  });
});

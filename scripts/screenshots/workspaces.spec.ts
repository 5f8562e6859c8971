import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createApplication, draw, field, identify, openChat } from '../../e2e/application-steps';
import { hydrated, signIn } from '../../e2e/helpers';

// Run by `npm run screenshots` (scripts/screenshots.ts), not by `npm test`: it makes data through
// the real pages, then photographs each workspace at both tablet sizes. A step that fails (the UI
// moved on) is reported and the pictures that do not need it are still taken.

const OUT = path.resolve(import.meta.dirname, '..', '..', 'docs', 'screens');
const SIZES = [
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
] as const;

interface Made {
  chatUrl?: string;
  applicationId?: string;
  number?: string;
  link?: string;
}

const problems: string[] = [];

async function attempt(what: string, step: () => Promise<void>): Promise<boolean> {
  try {
    await step();
    return true;
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n').find((line) => line.trim()) ?? 'failed';
    problems.push(`${what}: ${message}`);
    console.warn(`[screenshots] could not ${what}: ${message}`);
    return false;
  }
}

async function rolePage(browser: Browser, email: string, workspace: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(new RegExp(`${workspace}$`));
  await hydrated(page);
  return page;
}

/** A SIM replacement from the chat to the back office; fills `made` as it goes. */
async function walkTheCycle(browser: Browser, made: Made): Promise<{ dealer?: Page; operator?: Page }> {
  let dealer: Page | undefined;
  let operator: Page | undefined;
  const opened = await attempt('open a chat between a dealer and an operator', async () => {
    ({ dealer, operator } = await openChat(browser, 'dealer@demo.local', 'operator@demo.local', 'Заміна SIM-картки, абонентка з Бару'));
    made.chatUrl = dealer.url();
  });
  if (!opened || !dealer || !operator) return { dealer, operator };
  const [d, o] = [dealer, operator];

  await attempt('exchange a few chat messages', async () => {
    const say = async (page: Page, text: string) => {
      await page.getByRole('textbox', { name: 'Повідомлення…' }).fill(text);
      await page.getByRole('button', { name: 'Надіслати' }).click();
      await expect(page.getByText(text)).toBeVisible();
    };
    await say(d, 'Добрий день! Абонентка втратила телефон, потрібна заміна SIM-картки.');
    await say(o, 'Вітаю! Створіть, будь ласка, заяву на заміну SIM-картки, я перевірю.');
  });

  await attempt('create, fill, verify, sign and submit a SIM replacement', async () => {
    await createApplication(d, 'Заява на заміну SIM-картки');
    made.applicationId = /[0-9a-f-]{36}$/.exec(d.url())?.[0];
    await identify(d, 'subscriber', { fullName: 'Коваленко Марія Іванівна', birthDate: '1985-03-14', document: 'booklet', number: 'кв 123456', issuer: 'Барським РВ УМВС', issuedOn: '2001-04-20', serial: '0123' });
    await field(d, 'number.msisdn').fill('067 123 45 67');
    await field(d, 'number.reason').selectOption('lost');
    await field(d, 'number.simType').selectOption('physical');
    await field(d, 'number.iccid').fill('8938001234567890123');
    await field(d, 'contact.contactPhone').fill('050 111 22 33');
    await d.getByRole('button', { name: 'Завершити заповнення' }).click();
    await expect(d.getByTestId('application-status')).toHaveText('Заповнено');
    await o.getByTestId('application-card').last().getByRole('link', { name: 'Відкрити заяву' }).click();
    await hydrated(o);
    await o.getByRole('button', { name: 'Перевірено — все гаразд' }).click();
    await expect(d.getByTestId('application-status')).toHaveText('Перевірено');
    await draw(d, 'subscriber');
    await draw(d, 'dealer');
    await d.getByRole('button', { name: 'Підписати і засвідчити' }).click();
    await expect(d.getByTestId('application-status')).toHaveText('Підписано');
    await d.getByRole('button', { name: 'Подати до бек-офісу' }).click();
    await expect(d.getByTestId('application-status')).toHaveText('Подано');
    made.number = /DD-\d{4}-\d{6}/.exec(await d.getByTestId('application-workspace').innerText())?.[0];
    if (!made.number) throw new Error('no application number on the page');
  });
  return { dealer, operator };
}

/** The subscriber's link, from the development SMS inbox that only an admin reads. */
async function findLink(admin: Page, made: Made) {
  if (!made.number) return;
  const number = made.number;
  await attempt('find the subscriber’s link in the development SMS inbox', async () => {
    await admin.goto('/admin');
    await hydrated(admin);
    await admin.getByTestId('dev-inbox-tab').click();
    const message = admin.getByTestId('dev-message').filter({ hasText: number }).first();
    await expect(message).toBeVisible({ timeout: 30_000 });
    made.link = (await message.getByRole('link').getAttribute('href')) ?? undefined;
    if (!made.link) throw new Error('no link in the SMS');
  });
}

/** Lets the page finish loading what it fetches after hydration (live feeds never go idle). */
async function settle(page: Page, name: string, ready?: string) {
  await hydrated(page).catch(() => page.waitForLoadState('load'));
  if (ready) {
    // Taken anyway when it never shows, but said: the picture probably lacks what it is for.
    await page
      .locator(ready)
      .first()
      .waitFor({ timeout: 30_000 })
      .catch(() => problems.push(`${name}: ${ready} never appeared on ${page.url()}`));
  }
  await page.waitForLoadState('networkidle', { timeout: 3_000 }).catch(() => undefined);
  await page.waitForFunction(() => !/Завантаження/.test(document.body.innerText), null, { timeout: 15_000 }).catch(() => undefined);
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))));
}

async function shoot(name: string, page: Page | undefined, url: string | undefined, options: { ready?: string; pause?: number } = {}) {
  if (!page || !url) {
    problems.push(`${name}: skipped, an earlier step failed`);
    return;
  }
  for (const size of SIZES) {
    await attempt(`take ${name} at ${size.width}×${size.height}`, async () => {
      await page.setViewportSize(size);
      await page.goto(url);
      await settle(page, `${name}-${size.width}x${size.height}`, options.ready);
      // Charts draw themselves in over a moment; a picture, not a test, may wait for that.
      if (options.pause) await page.waitForTimeout(options.pause);
      await page.screenshot({ path: path.join(OUT, `${name}-${size.width}x${size.height}.png`), animations: 'disabled', caret: 'hide' });
      console.log(`[screenshots] ${name}-${size.width}x${size.height}.png`);
    });
  }
}

test('every workspace at 768×1024 and 1024×768', async ({ browser }) => {
  fs.mkdirSync(OUT, { recursive: true });
  const made: Made = {};
  const walked = await walkTheCycle(browser, made);

  let admin: Page | undefined;
  let backoffice: Page | undefined;
  let dealer = walked.dealer;
  let operator = walked.operator;
  await attempt('sign in as the admin', async () => void (admin = await rolePage(browser, 'admin@demo.local', '/admin')));
  await attempt('sign in as the back office', async () => void (backoffice = await rolePage(browser, 'backoffice@demo.local', '/backoffice')));
  if (!dealer) await attempt('sign in as a dealer', async () => void (dealer = await rolePage(browser, 'dealer@demo.local', '/dealer')));
  if (!operator) await attempt('sign in as an operator', async () => void (operator = await rolePage(browser, 'operator@demo.local', '/operator')));
  if (admin) await findLink(admin, made);
  const visitor = await (await browser.newContext()).newPage();
  const application = made.applicationId && `/applications/${made.applicationId}`;

  await shoot('sign-in', visitor, '/sign-in');
  await shoot('dealer', dealer, '/dealer');
  await shoot('dealer-chat', dealer, made.chatUrl, { ready: '[data-testid="message"]' });
  await shoot('application', dealer, application, { ready: '[data-testid="application-status"]' });
  await shoot('operator', operator, '/operator', { ready: '[data-testid="chat-view"]' });
  await shoot('operator-application', operator, application, { ready: '[data-testid="application-status"]' });
  await shoot('operator-packages', operator, '/operator/packages');
  await shoot('backoffice', backoffice, '/backoffice', { ready: '[data-testid="queue-row"]' });
  await shoot('backoffice-review', backoffice, made.applicationId && `/backoffice/applications/${made.applicationId}`, { ready: '[data-testid="review-status"]' });
  await shoot('admin', admin, '/admin');
  await shoot('admin-dashboard', admin, '/admin/dashboard', { ready: '.recharts-surface', pause: 2_000 });
  await shoot('admin-live', admin, '/admin/live');
  await shoot('subscriber', visitor, made.link, { ready: '[data-testid="subscriber-view"]' });
  await shoot('verify', visitor, '/verify');

  expect(problems, `some pictures could not be taken:\n${problems.join('\n')}`).toEqual([]);
});

import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { attemptTag, freshMsisdn, fromDevInbox, hydrated, signIn } from './helpers';

// Written requests (issue 18): a subscriber writes from a phone, proves the number, follows the
// request by its private link; the back office answers from its inbox within the promised time.

// A real 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'uk-UA' } as const;

/** An admin adds a canned reply for written requests, with placeholders the back office's reply fills in. */
async function cannedReplyForRequests(browser: Browser, title: string) {
  const admin = await signedIn(browser, 'admin@demo.local', /\/admin$/);
  const form = admin.getByTestId('canned-reply-form');
  await form.getByLabel('Для чатів').selectOption('request');
  await form.getByLabel('Назва (українською)').fill(title);
  await form.getByLabel('Назва (англійською)').fill(`${title} (en)`);
  await form.getByLabel('Текст (українською)').fill('Вітаємо! Звернення {number} ({category}) у роботі, вирішимо до {due}. З повагою, {name}.');
  await form.getByLabel('Текст (англійською)').fill('Hello! Request {number} ({category}) is being handled, resolved by {due}. Regards, {name}.');
  await form.getByRole('button', { name: 'Зберегти' }).click();
  await expect(admin.getByTestId('canned-replies-list')).toContainText(title);
  await admin.context().close();
}

/**
 * The server's clock cannot be moved from a browser test and a category's target is at least an
 * hour, so a request is made late the way time would: its due times moved an hour into the past
 * in the test server's own database (playwright.config.ts: DATA_DIR).
 */
function makeLate(number: string) {
  const file = path.join(process.env.E2E_DATA_DIR ?? '.tmp/e2e-data', 'dealer-desk.sqlite');
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000');
    const past = Date.now() - 3600_000;
    const changed = db
      .prepare('UPDATE requests SET first_response_due_at = ?, resolution_due_at = ?, due_at = ?, risk_at = ? WHERE number = ?')
      .run(past, past + 1000, past, past - 1000, number).changes;
    expect(changed).toBe(1);
  } finally {
    db.close();
  }
}

async function signedIn(browser: Browser, email: string, path: RegExp): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(path);
  await hydrated(page);
  return page;
}

/** On a phone: the public form, a photo, the number proven by the SMS code, consent; returns the request's number. */
async function writeRequest(browser: Browser, msisdn: string, category: string, text: string): Promise<{ page: Page; number: string }> {
  const page = await (await browser.newContext(PHONE)).newPage();
  await page.goto('/requests/new');
  await hydrated(page);
  await expect(page.getByTestId('public-request')).toHaveAttribute('data-ready', 'true');
  await page.getByLabel('Тема звернення').selectOption({ label: category });
  await page.getByLabel('Текст звернення').fill(text);
  await page.getByTestId('request-files').setInputFiles({ name: 'rakhunok.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByTestId('request-file-list')).toContainText('rakhunok.png');
  await page.getByLabel('Номер мобільного').fill(msisdn);
  await page.getByRole('button', { name: 'Надіслати код' }).click();
  await expect(page.getByText(`Код надіслано на ${msisdn}`)).toBeVisible();
  await page.getByLabel('Код з SMS або листа (6 цифр)').fill(await fromDevInbox(browser, msisdn, /\b(\d{6})\b/));
  await page.getByRole('button', { name: 'Підтвердити' }).click();
  await expect(page.getByTestId('request-proven')).toHaveText(`Номер ${msisdn} підтверджено`);
  await page.getByTestId('request-consent').check();
  await page.getByRole('button', { name: 'Надіслати звернення' }).click();
  await expect(page.getByTestId('request-submitted')).toBeVisible();
  await expect(page.getByTestId('request-promise')).toContainText('Відповімо до');
  const number = /Звернення (\S+) прийнято/.exec(await page.getByTestId('request-number').innerText())?.[1];
  if (!number) throw new Error('no request number on the page');
  // Nothing sideways on a 360 px screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  return { page, number };
}

async function openInInbox(office: Page, number: string) {
  await office.goto('/backoffice');
  await hydrated(office);
  await office.getByTestId('backoffice-nav').getByRole('link', { name: 'Звернення / Requests' }).click();
  await expect(office).toHaveURL(/\/backoffice\/requests$/);
  await hydrated(office);
  await office.getByTestId('requests-search').fill(number);
  const row = office.getByTestId('request-row').filter({ hasText: number });
  await expect(row).toHaveCount(1);
  return row;
}

test('a subscriber writes with a photo and a proven number; the back office claims, notes and replies with a canned reply; the subscriber answers, it reopens, is resolved and rated', async ({ browser }) => {
  test.setTimeout(150_000);
  const tag = attemptTag();
  const msisdn = freshMsisdn();
  const text = `Двічі списали абонплату за листопад ${tag}`;
  const note = `Перевірити нарахування в білінгу ${tag}`;
  const canned = `Звернення у роботі ${tag}`;
  await cannedReplyForRequests(browser, canned);
  const { page: subscriber, number } = await writeRequest(browser, msisdn, 'Рахунки та оплата', text);

  // The private link comes by SMS.
  const link = await fromDevInbox(browser, msisdn, /(https?:\/\/\S+\/r\/[A-Za-z0-9_-]+)/);
  const path = new URL(link).pathname;

  // The back office: the inbox, claim, an internal note, a canned reply with its placeholders filled.
  const office = await signedIn(browser, 'backoffice@demo.local', /\/backoffice$/);
  const row = await openInInbox(office, number);
  await expect(row).toHaveAttribute('data-status', 'new');
  await expect(row.getByTestId('due-left')).toContainText('залишилось');
  await row.getByRole('link', { name: number }).click();
  await hydrated(office);
  const detail = office.getByTestId('request-detail');
  await expect(detail.getByTestId('staff-message').filter({ hasText: text })).toBeVisible();
  await expect(detail.getByTestId('staff-attachment')).toBeVisible();
  await detail.getByRole('button', { name: 'Взяти в роботу' }).click();
  await expect(detail.getByTestId('request-assignee')).not.toHaveText('не призначено');
  await expect(detail).toHaveAttribute('data-status', 'open');

  await detail.getByRole('radio', { name: /Нотатка для колег/ }).check();
  await detail.getByTestId('request-body').fill(note);
  await detail.getByRole('button', { name: 'Додати нотатку' }).click();
  await expect(detail.getByTestId('staff-message').filter({ hasText: note })).toHaveAttribute('data-kind', 'note');
  await expect(detail.getByTestId('staff-message').filter({ hasText: note })).toContainText('Внутрішня нотатка');

  await detail.getByRole('radio', { name: 'Відповідь абоненту' }).check();
  const picker = detail.getByTestId('request-canned-picker');
  await picker.selectOption({ label: canned });
  await expect(detail.getByTestId('request-body')).toHaveValue(new RegExp(number));
  await expect(detail.getByTestId('request-body')).not.toHaveValue(/\{number\}/);
  const reply = await detail.getByTestId('request-body').inputValue();
  await detail.getByRole('button', { name: 'Надіслати відповідь' }).click();
  await expect(detail.getByTestId('staff-message').filter({ hasText: reply.slice(0, 40) })).toHaveAttribute('data-kind', 'reply');
  await detail.getByRole('button', { name: 'Вирішено' }).click();
  await expect(detail).toHaveAttribute('data-status', 'resolved');

  // The subscriber reads it through the link: the reply is there, the note is not.
  await subscriber.goto(path);
  await hydrated(subscriber);
  const view = subscriber.getByTestId('request-view');
  await expect(view.getByTestId('request-title')).toHaveText(`Звернення ${number}`);
  await expect(view.getByTestId('request-message').filter({ hasText: reply.slice(0, 40) })).toBeVisible();
  await expect(view.getByTestId('request-photo')).toBeVisible();
  await expect(subscriber.getByText(note)).toHaveCount(0);
  expect(await subscriber.content()).not.toContain(note);

  // It is not solved: the subscriber answers, and the request opens again.
  await view.getByLabel('Ваша відповідь').fill(`Гроші досі не повернули ${tag}`);
  await view.getByRole('button', { name: /Надіслати|Відкрити знову/ }).click();
  await expect(view).toHaveAttribute('data-status', 'open');
  await expect(view.getByTestId('request-message').filter({ hasText: `Гроші досі не повернули ${tag}` })).toBeVisible();

  await office.reload();
  await hydrated(office);
  await expect(detail).toHaveAttribute('data-status', 'open');
  await expect(detail.getByTestId('staff-message').filter({ hasText: `Гроші досі не повернули ${tag}` })).toBeVisible();
  await detail.getByTestId('request-body').fill('Кошти повернуто на рахунок.');
  await detail.getByRole('button', { name: 'Надіслати відповідь' }).click();
  await expect(detail.getByTestId('staff-message').filter({ hasText: 'Кошти повернуто на рахунок.' })).toBeVisible();
  await detail.getByRole('button', { name: 'Вирішено' }).click();
  await expect(detail).toHaveAttribute('data-status', 'resolved');

  // The subscriber rates it.
  await subscriber.reload();
  await hydrated(subscriber);
  await expect(view).toHaveAttribute('data-status', 'resolved');
  await view.getByLabel('5 зірок').check({ force: true });
  await view.getByLabel('Коментар (необов’язково)').fill('Дякую');
  await view.getByRole('button', { name: 'Оцінити' }).click();
  await expect(view.getByTestId('request-rated')).toHaveText('Дякуємо за оцінку: 5 з 5.');

  await office.reload();
  await hydrated(office);
  await expect(detail.getByTestId('request-rating')).toContainText('5 з 5');

  await office.context().close();
  await subscriber.context().close();
});

test('a request past its promised time is flagged late in the inbox and on its page', async ({ browser }) => {
  test.setTimeout(90_000);
  const tag = attemptTag();
  const msisdn = freshMsisdn();
  const { page: subscriber, number } = await writeRequest(browser, msisdn, 'Роумінг', `Не працює інтернет у роумінгу ${tag}`);
  await subscriber.context().close();
  const office = await signedIn(browser, 'backoffice@demo.local', /\/backoffice$/);
  const row = await openInInbox(office, number);
  await expect(row).toHaveAttribute('data-sla', 'ok');
  await expect(row.getByTestId('sla-flag')).toHaveCount(0);

  makeLate(number);
  await office.getByTestId('requests-sla').selectOption('late');
  await expect(row).toHaveAttribute('data-sla', 'late');
  await expect(row.getByTestId('sla-flag')).toHaveText('Прострочено');
  await expect(row).toHaveClass(/bg-red-50/);
  await expect(row.getByTestId('due-left')).toContainText('прострочено на');
  await row.getByRole('link', { name: number }).click();
  await hydrated(office);
  await expect(office.getByTestId('request-detail')).toHaveAttribute('data-sla', 'late');
  await expect(office.getByTestId('request-detail').getByTestId('sla-flag').first()).toHaveText('Прострочено');
  await office.context().close();
});

test('an unknown link says so and shows nothing', async ({ page }) => {
  await page.goto('/r/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  await expect(page.getByTestId('link-error')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Посилання не працює' })).toBeVisible();
  await expect(page.getByTestId('request-view')).toHaveCount(0);
});

import fs from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { kyivDate } from '../server/time/kyiv';
import { closeChatsLeftOpen, openChat } from './application-steps';
import { hydrated, signIn } from './helpers';

// A retry starts clean: the chats an attempt opened never hold the shared operators' places.
test.afterEach(closeChatsLeftOpen);

const CSV_HEADER = 'day,class,arrived,answered,abandoned,service_level,asa_mean_s,asa_p90_s,handle_mean_s,csat_mean,satisfied_share';
const EMPTY_DAY = '2025-01-01';

const today = () => kyivDate(new Date());
const daysBefore = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

const figuresFor = (page: Page, from: string, to: string) => page.locator(`[data-testid="dashboard-figures"][data-period="${from}..${to}"]`);
const tile = (page: Page, id: string) => page.getByTestId(`tile-${id}-value`);

test('admin: the live queue, the dashboard of a period with chats and of an empty one, the CSV and the staffing calculator', async ({ browser, page }) => {
  test.setTimeout(150_000);
  // A chat of our own today (answered, closed, rated 5), so today's figures exist whatever else
  // the database holds: only other tests' chats, or days of simulated history.
  const topic = `Показники ${Date.now()}`;
  const { dealer, operator } = await openChat(browser, 'dealer@demo.local', 'operator@demo.local', topic);
  await expect(operator.getByTestId('chat-view')).toHaveAttribute('data-status', 'active');

  await signIn(page, 'admin@demo.local');
  await expect(page).toHaveURL(/\/admin$/);
  await hydrated(page);

  // The live queue, from the admin's navigation: the operator is available with our chat open.
  await page.getByTestId('admin-nav').getByRole('link', { name: 'Черга наживо' }).click();
  await expect(page).toHaveURL(/\/admin\/live$/);
  await expect(page.getByTestId('workspace-title')).toHaveText('Черга наживо');
  await expect(page.getByTestId('live-summary')).toContainText('Вільних слотів');
  const irina = page.getByTestId('live-operators').getByTestId('live-operator').filter({ hasText: 'Ірина Коваль' });
  await expect(irina).toHaveAttribute('data-status', 'available');
  await expect(irina).toContainText('Доступний');
  await expect(irina.getByTestId('live-load')).toContainText(/[1-9]\d* з \d+/);
  await expect(page.getByTestId('live-operators')).toContainText('Андрій Шевчук');

  await operator.getByRole('button', { name: 'Завершити чат' }).click();
  // Closing asks first (and names the chat's open applications).
  await operator.getByRole('dialog', { name: 'Завершити чат?' }).getByRole('button', { name: 'Завершити', exact: true }).click();
  await expect(dealer.getByTestId('chat-status')).toHaveText('Завершено');
  await dealer.getByRole('button', { name: '5' }).click();
  await dealer.getByRole('button', { name: 'Оцінити' }).click();
  await expect(dealer.getByTestId('rated')).toHaveText('Дякуємо за оцінку: 5 з 5.');

  // The dashboard opens on the last 7 days ending today (Kyiv), with figures and charts.
  await page.getByTestId('admin-nav').getByRole('link', { name: 'Показники' }).click();
  await expect(page).toHaveURL(/\/admin\/dashboard/);
  await expect(page.getByTestId('workspace-title')).toHaveText('Показники обслуговування');
  const week = { from: daysBefore(today(), 6), to: today() };
  await expect(figuresFor(page, week.from, week.to)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`from=${week.from}&to=${week.to}&threshold=20`));
  await expect(tile(page, 'arrived')).toHaveText(/^[1-9]/);
  await expect(tile(page, 'service-level')).toHaveText(/^\d+,\d\s?%$/);
  await expect(tile(page, 'asa')).toHaveText(/\d/);
  await expect(tile(page, 'answered')).toHaveText(/%$/);
  await expect(tile(page, 'csat')).toHaveText(/з 5$/);
  await expect(tile(page, 'satisfied')).toHaveText(/%$/);
  await expect(tile(page, 'handle')).toHaveText(/\d/);
  await expect(page.getByTestId('backoffice-tiles')).toContainText('Частка схвалених');
  for (const chart of ['chart-by-day', 'chart-by-hour', 'chart-ratings']) {
    await expect(page.getByTestId(chart).locator('svg.recharts-surface').first()).toBeVisible();
  }
  // Drawn figures, not empty axes: our answered chat's wait and day, its hour, its rating.
  await expect(page.getByTestId('chart-by-day').locator('.recharts-line-dot').first()).toBeAttached();
  await expect(page.getByTestId('chart-by-hour').locator('path.recharts-rectangle').first()).toBeAttached();
  await expect(page.getByTestId('chart-by-hour').locator('path.recharts-line-curve')).toBeAttached();
  await expect(page.getByTestId('chart-ratings').locator('path.recharts-rectangle').first()).toBeAttached();
  await expect(page.getByTestId('table-operators')).toContainText('Ірина Коваль');
  await expect(page.getByTestId('table-dealers-row').first()).toBeVisible();

  // The staffing calculator: pre-filled, then it follows the arrivals.
  const staffing = page.getByTestId('staffing');
  const needed = staffing.getByTestId('staffing-operators');
  await expect(needed).toHaveText(/^\d+$/);
  await expect(staffing.getByTestId('staffing-now')).toContainText('Операторів на зміні зараз: ');
  await staffing.getByLabel('Тривалість чату, с').fill('300');
  await staffing.getByLabel('Чатів на оператора').fill('3');
  await staffing.getByLabel('Ціль, % вчасно').fill('80');
  await staffing.getByLabel('Чатів за годину').fill('10');
  await expect(needed).toHaveText('1');
  await expect(staffing.getByTestId('staffing-rows')).toBeVisible();
  await staffing.getByLabel('Чатів за годину').fill('1000');
  await expect.poll(async () => Number(await needed.textContent())).toBeGreaterThan(25);
  await expect(staffing).toContainText('Оператор, який веде 3 чати одночасно, рахується як 3 агенти');

  // An empty past period: no chats, every figure "—" or 0, empty tables.
  await page.getByLabel('З', { exact: true }).fill(EMPTY_DAY);
  await page.getByLabel('По', { exact: true }).fill(EMPTY_DAY);
  await expect(figuresFor(page, EMPTY_DAY, EMPTY_DAY)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`from=${EMPTY_DAY}&to=${EMPTY_DAY}`));
  await expect(tile(page, 'arrived')).toHaveText('0');
  for (const id of ['service-level', 'asa', 'answered', 'abandoned', 'csat', 'satisfied', 'concurrency', 'handle', 'approval', 'decision-time']) {
    await expect(tile(page, id)).toHaveText('—');
  }
  await expect(tile(page, 'decided')).toHaveText('0');
  await expect(page.getByTestId('table-operators-empty')).toBeVisible();
  await expect(page.getByTestId('table-dealers-empty')).toBeVisible();
  await expect(page.getByTestId('chart-ratings').locator('path.recharts-rectangle')).toHaveCount(0);
  await expect(page.getByTestId('staffing-operators')).toHaveText('0');

  // Back to the last 7 days: the figures return; the CSV of that period downloads.
  await page.getByRole('button', { name: '7 днів' }).click();
  await expect(figuresFor(page, week.from, week.to)).toBeVisible();
  await expect(tile(page, 'arrived')).toHaveText(/^[1-9]/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Завантажити CSV' }).click()]);
  expect(download.suggestedFilename()).toBe(`dealer-desk-${week.from}-${week.to}.csv`);
  // The chats' section, then after an empty line the written requests' section (server/metrics/csv.ts).
  const [chatSection = '', requestSection = ''] = (await fs.readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').trimEnd().split('\r\n\r\n');
  expect(requestSection.split('\r\n')[1]?.startsWith('requests_total,all,')).toBe(true);
  const lines = chatSection.split('\r\n');
  expect(lines[0]).toBe(CSV_HEADER);
  // Per day a row of all chats and one per class (dealer, subscriber); the same for the total.
  expect(lines).toHaveLength(1 + 7 * 3 + 3);
  expect(lines[1]?.startsWith(`${week.from},all,`)).toBe(true);
  expect(lines[2]?.startsWith(`${week.from},dealer,`)).toBe(true);
  const total = lines.at(-3)?.split(',') ?? [];
  expect(total.slice(0, 2)).toEqual(['total', 'all']);
  expect(Number(total[2])).toBeGreaterThanOrEqual(1);

  // The page fits the tablet's width (tables scroll inside their boxes); the navigation and the
  // header's name both lead back to the admin's workspace.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.getByTestId('admin-nav').getByRole('link', { name: 'Адміністрування' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByTestId('workspace-title')).toHaveText('Адміністрування');
  await page.getByTestId('admin-nav').getByRole('link', { name: 'Черга наживо' }).click();
  await expect(page.getByTestId('workspace-title')).toHaveText('Черга наживо');
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.getByRole('banner').getByRole('link', { name: 'Dealer Desk' }).click();
  await expect(page).toHaveURL(/\/admin$/);
});

test('a dealer is refused the dashboard, the live queue and the CSV', async ({ page }) => {
  await signIn(page, 'dealer@demo.local');
  await expect(page).toHaveURL(/\/dealer$/);
  for (const path of ['/admin/dashboard', '/admin/live']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Доступ заборонено (403)' })).toBeVisible();
  }
  const csv = await page.request.get(`/api/admin/metrics.csv?from=${daysBefore(today(), 6)}&to=${today()}&threshold=20`);
  expect(csv.status()).toBe(403);
});

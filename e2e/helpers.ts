import { expect, type Browser, type Page } from '@playwright/test';
import { isValidEdrpou } from '../templates/validators';

export const DEMO_PASSWORD = 'demo12345';

/** Client-side navigation keeps the mark; a full load sets it again once React has hydrated. */
export async function hydrated(page: Page) {
  await page.locator('body[data-hydrated="true"]').waitFor();
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in');
  await hydrated(page);
  await page.getByLabel('Електронна пошта').fill(email);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Увійти' }).click();
}

export async function expectWorkspace(page: Page, path: string, title: string) {
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await hydrated(page);
  await expect(page.getByTestId('workspace-title')).toHaveText(title);
}

/**
 * A company code no other test or attempt uses: a random 7-digit stem (never the demo dealer's
 * 3400000) with its one valid check digit, found by the app's own validator. `wrong` differs only
 * in the check digit. A retry gets a new one, so it never finds the last attempt's data.
 */
export function freshEdrpou(): { edrpou: string; stem: string; wrong: string } {
  for (;;) {
    const stem = String(3_000_000 + Math.floor(Math.random() * 6_000_000));
    if (stem === '3400000') continue;
    const digit = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].find((d) => isValidEdrpou(`${stem}${d}`));
    if (digit === undefined) continue;
    return { edrpou: `${stem}${digit}`, stem, wrong: `${stem}${(digit + 1) % 10}` };
  }
}

/** A short tag unique to this attempt (test, retry and repetition), for names other data is found by. */
export function attemptTag(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.toUpperCase();
}

/** A Ukrainian mobile number no other test or attempt uses. */
export function freshMsisdn(): string {
  return `+38067${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`;
}

/** The texts the development SMS inbox holds for this number, read as an admin, until one matches. */
export async function fromDevInbox(browser: Browser, to: string, pattern: RegExp, notThis?: string): Promise<string> {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, 'admin@demo.local');
  await expect(admin).toHaveURL(/\/admin$/);
  let found = '';
  await expect
    .poll(
      async () => {
        const input = encodeURIComponent(JSON.stringify({ json: { limit: 200 } }));
        const response = await admin.request.get(`/api/trpc/admin.notifications.devInbox?input=${input}`);
        const entries = ((await response.json()) as { result: { data: { json: { to: string; text: string }[] } } }).result.data.json;
        found = entries.filter((e) => e.to === to).map((e) => pattern.exec(e.text)?.[1] ?? '').find((m) => m && m !== notThis) ?? '';
        return found;
      },
      { timeout: 15_000 },
    )
    .not.toBe('');
  await admin.context().close();
  return found;
}

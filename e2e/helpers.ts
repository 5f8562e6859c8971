import { expect, type Page } from '@playwright/test';

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

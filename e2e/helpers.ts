import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo12345';

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel('Електронна пошта').fill(email);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Увійти' }).click();
}

export async function expectWorkspace(page: Page, path: string, title: string) {
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.getByTestId('workspace-title')).toHaveText(title);
}

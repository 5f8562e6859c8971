import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from './helpers';

// A slow point-of-sale link: the page's script has not run (here: never runs).
test.use({ javaScriptEnabled: false });

test('without JavaScript, sign-in with Enter lands on the workspace', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Електронна пошта').fill('dealer2@demo.local');
  await page.getByLabel('Пароль').fill(DEMO_PASSWORD);
  await page.getByLabel('Пароль').press('Enter');
  await expect(page).toHaveURL(/\/dealer$/);
  await expect(page.getByTestId('workspace-title')).toHaveText('Робоче місце дилера');
  // The buttons that wait for the script say the page is still loading, and why.
  await expect(page.getByTestId('needs-script')).toBeVisible();
  const waiting = page.locator('main button:disabled').first();
  await expect(waiting).toBeVisible();
  await expect(waiting).toHaveCSS('cursor', 'progress');
});

test('without JavaScript, the sign-in button works and a wrong password shows the error', async ({ page }) => {
  await page.goto('/sign-in?next=%2Fadmin');
  await page.getByLabel('Електронна пошта').fill('admin@demo.local');
  await page.getByLabel('Пароль').fill('not-the-password');
  await page.getByRole('button', { name: 'Увійти' }).click();
  await expect(page).toHaveURL(/\/sign-in\?error=invalid&next=%2Fadmin$/);
  await expect(page.getByTestId('sign-in-error')).toHaveText('Невірна електронна пошта або пароль.');
  await page.getByLabel('Електронна пошта').fill('admin@demo.local');
  await page.getByLabel('Пароль').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Увійти' }).click();
  await expect(page).toHaveURL(/\/admin$/);
});

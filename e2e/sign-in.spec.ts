import { expect, test } from '@playwright/test';
import { expectWorkspace, signIn } from './helpers';

const ROLES = [
  { email: 'dealer@demo.local', path: '/dealer', title: 'Робоче місце дилера' },
  { email: 'dealer2@demo.local', path: '/dealer', title: 'Робоче місце дилера' },
  { email: 'operator@demo.local', path: '/operator', title: 'Консоль оператора' },
  { email: 'operator2@demo.local', path: '/operator', title: 'Консоль оператора' },
  { email: 'backoffice@demo.local', path: '/backoffice', title: 'Бек-офіс' },
  { email: 'admin@demo.local', path: '/admin', title: 'Адміністрування' },
];

for (const role of ROLES) {
  test(`${role.email} signs in and lands on ${role.path}`, async ({ page }) => {
    await signIn(page, role.email);
    await expectWorkspace(page, role.path, role.title);
  });
}

test('the dealer desk shows the dealer company and point of sale', async ({ page }) => {
  await signIn(page, 'dealer2@demo.local');
  await expect(page.getByTestId('dealer-company')).toContainText('ТОВ «Карпати-Мобайл»');
  await expect(page.getByTestId('dealer-point-of-sale')).toContainText('Косів');
});

test('a dealer opening the back office gets 403', async ({ page }) => {
  await signIn(page, 'dealer@demo.local');
  await expectWorkspace(page, '/dealer', 'Робоче місце дилера');
  const response = await page.goto('/backoffice');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Доступ заборонено (403)' })).toBeVisible();
  for (const path of ['/admin', '/operator']) expect((await page.goto(path))?.status()).toBe(403);
});

test('a signed-out visitor is sent to sign-in and comes back after it', async ({ page }) => {
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin$/);
  await page.getByLabel('Електронна пошта').fill('admin@demo.local');
  await page.getByLabel('Пароль').fill('demo12345');
  await page.getByRole('button', { name: 'Увійти' }).click();
  await expect(page).toHaveURL(/\/admin$/);
});

test('a wrong password shows a clear message that does not reveal whether the e-mail exists', async ({ page }) => {
  await signIn(page, 'backoffice@demo.local', 'wrong-password');
  await expect(page.getByTestId('sign-in-error')).toHaveText('Невірна електронна пошта або пароль.');
  await signIn(page, 'no-such-person@demo.local', 'wrong-password');
  await expect(page.getByTestId('sign-in-error')).toHaveText('Невірна електронна пошта або пароль.');
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('an empty form is checked before sending', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Увійти' }).click();
  await expect(page.getByText('Введіть адресу електронної пошти.')).toBeVisible();
  await expect(page.getByText('Введіть пароль.')).toBeVisible();
});

test('the language switch changes the UI to English and back', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: 'Вхід' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await page.getByLabel('Мова').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('E-mail').fill('operator@demo.local');
  await page.getByLabel('Password').fill('demo12345');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('workspace-title')).toHaveText('Operator console');
  await page.getByLabel('Language').selectOption('uk');
  await expect(page.getByTestId('workspace-title')).toHaveText('Консоль оператора');
});

test('signing out ends the session', async ({ page }) => {
  await signIn(page, 'operator2@demo.local');
  await expectWorkspace(page, '/operator', 'Консоль оператора');
  await page.getByRole('button', { name: 'Вийти' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/operator');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Foperator$/);
});

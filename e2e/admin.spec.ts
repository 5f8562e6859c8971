import { expect, test } from '@playwright/test';
import { expectWorkspace, freshEdrpou, signIn } from './helpers';

test('admin creates a dealer company, a point of sale and a dealer, who can then sign in; deactivation signs them out', async ({ page, browser }) => {
  // A company and a person of this attempt only: a retry starts clean.
  const { edrpou, stem, wrong } = freshEdrpou();
  const email = `rep-${stem}@example.com`;
  page.on('dialog', (dialog) => dialog.accept());

  await signIn(page, 'admin@demo.local');
  await expectWorkspace(page, '/admin', 'Адміністрування');
  // The lists above the forms load first; interacting while they grow would aim at moving targets.
  await expect(page.getByTestId('users-table')).toContainText('admin@demo.local');
  await expect(page.getByTestId('operators-list')).toContainText('operator@demo.local');
  await expect(page.getByTestId('seal-subject')).toContainText('DEVELOPMENT');
  await expect(page.getByTestId('seal-development')).toBeVisible();
  await expect(page.getByTestId('dealers-list')).toContainText('34000003');

  // A wrong check digit is refused with a field message; nothing is created.
  const dealerForm = page.getByTestId('create-dealer-form');
  await dealerForm.getByLabel('Назва компанії').fill(`ТОВ «Зв’язок ${stem}»`);
  await dealerForm.getByLabel('Код ЄДРПОУ').fill(wrong);
  await dealerForm.getByRole('button', { name: 'Зберегти' }).click();
  await expect(dealerForm.getByText('Код ЄДРПОУ не проходить перевірку контрольної цифри.')).toBeVisible();

  await dealerForm.getByLabel('Код ЄДРПОУ').fill(edrpou);
  await dealerForm.getByRole('button', { name: 'Зберегти' }).click();
  await expect(page.getByTestId('dealers-list')).toContainText(edrpou);

  const posForm = page.getByTestId('create-pos-form');
  await posForm.getByLabel('Компанія-дилер').selectOption({ label: `ТОВ «Зв’язок ${stem}»` });
  await posForm.getByLabel('Назва точки').fill('Магазин біля пошти');
  await posForm.getByLabel('Населений пункт').fill('Вижниця, Чернівецька обл.');
  await posForm.getByLabel('Адреса').fill('вул. Українська, 5');
  await posForm.getByRole('button', { name: 'Зберегти' }).click();
  await expect(page.getByTestId('points-list')).toContainText('Магазин біля пошти');

  const userForm = page.getByTestId('create-user-form');
  await userForm.getByLabel('Ім’я').fill('Марія Гуцул');
  await userForm.getByLabel('Електронна пошта').fill(email);
  await userForm.getByLabel('Початковий пароль').fill('starting-pass-1');
  await userForm.getByLabel('Роль', { exact: true }).selectOption('dealer');
  await userForm.getByLabel('Компанія-дилер').selectOption({ label: `ТОВ «Зв’язок ${stem}»` });
  await userForm.getByLabel('Точка продажу').selectOption({ label: 'Магазин біля пошти, Вижниця, Чернівецька обл.' });
  await userForm.getByRole('button', { name: 'Зберегти' }).click();
  await expect(page.getByTestId(`user-row-${email}`)).toContainText('Активний');

  // The new dealer signs in, in a separate browser context, and sees their company.
  const dealerContext = await browser.newContext();
  const dealerPage = await dealerContext.newPage();
  await signIn(dealerPage, email, 'starting-pass-1');
  await expectWorkspace(dealerPage, '/dealer', 'Робоче місце дилера');
  await expect(dealerPage.getByTestId('dealer-point-of-sale')).toContainText('Вижниця');

  // Deactivation ends the dealer's session at once.
  await page.getByTestId(`user-row-${email}`).getByRole('button', { name: 'Деактивувати' }).click();
  await expect(page.getByTestId(`user-row-${email}`)).toContainText('Деактивований');
  await dealerPage.reload();
  await expect(dealerPage).toHaveURL(/\/sign-in\?next=%2Fdealer$/);
  await dealerContext.close();
});

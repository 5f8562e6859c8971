import { expect, test } from '@playwright/test';
import { field } from './application-steps';
import { hydrated, signIn } from './helpers';

test('the package editor names the EDRPOU of a registered dealer company instead of calling it new', async ({ page }) => {
  await signIn(page, 'operator2@demo.local');
  await expect(page).toHaveURL(/\/operator$/);
  await page.goto('/operator/packages/new');
  await hydrated(page);
  await field(page, 'company.company.edrpou').fill('34000003');
  await expect(page.getByTestId('company-dealer')).toContainText('Це ЄДРПОУ зареєстрованої компанії-дилера ТОВ «Подільський зв’язок»');
  await expect(page.getByTestId('company-new')).toBeHidden();
});

test('IBANs read in groups of four in the package editor', async ({ page }) => {
  await signIn(page, 'operator2@demo.local');
  await expect(page).toHaveURL(/\/operator$/);
  await page.goto('/operator/packages/new');
  await hydrated(page);
  const iban = field(page, 'company.company.iban');
  await iban.fill('UA213223130000026007233566001');
  await iban.blur();
  await expect(iban).toHaveValue('UA21 3223 1300 0002 6007 2335 6600 1');
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { kyivDate } from '../server/time/kyiv';
import { unzrCheckDigit } from '../templates/validators';
import { closeChatsLeftOpen, draw, field, openChat, rnokppFor } from './application-steps';
import { attemptTag, freshEdrpou, hydrated, signIn } from './helpers';

// A retry starts clean: the chats an attempt opened never hold the shared operators' places.
test.afterEach(closeChatsLeftOpen);

/** The company of one attempt: an EDRPOU no other test or attempt uses, its names and representative. */
interface Company {
  edrpou: string;
  wrongEdrpou: string;
  name: string;
  representative: string;
}

/** Each attempt makes its own company, so a retry (or a repetition) never finds one already remembered. */
function freshCompany(): Company {
  const { edrpou, wrong } = freshEdrpou();
  const tag = attemptTag();
  return { edrpou, wrongEdrpou: wrong, name: `ТОВ «Агро-Поділля ${tag}»`, representative: `Шевченко Петро Олегович ${tag}` };
}
const PDFSIG = ['/usr/bin/pdfsig', '/usr/local/bin/pdfsig'].find((path) => existsSync(path));

const kyivDay = (offsetDays: number) => kyivDate(new Date(Date.now() + offsetDays * 86_400_000));

async function signedIn(browser: Browser, email: string, landing: RegExp): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(landing);
  await hydrated(page);
  return page;
}

/** The operator prepares the package before any chat exists; returns its number. */
async function preparePackage(browser: Browser, company: Company): Promise<string> {
  const page = await signedIn(browser, 'operator@demo.local', /\/operator$/);
  await page.getByTestId('packages-link').click();
  await expect(page).toHaveURL(/\/operator\/packages$/);
  await page.getByTestId('new-company-package').click();
  await expect(page).toHaveURL(/\/operator\/packages\/new$/);
  await hydrated(page);

  // A wrong check digit is said at once, on the field.
  await field(page, 'company.company.edrpou').fill(company.wrongEdrpou);
  await expect(page.locator('[data-field="company.company.edrpou"]').getByRole('alert')).toHaveText('Код ЄДРПОУ не проходить перевірку контрольної цифри.');
  await field(page, 'company.company.edrpou').fill(company.edrpou);
  await expect(page.getByTestId('company-new')).toBeVisible();
  await field(page, 'company.company.name').fill(company.name);
  await field(page, 'company.company.legalAddress').fill('м. Бар, вул. Соборна, 1');
  await field(page, 'company.company.iban').fill('UA21 3223 1300 0002 6007 2335 6600 1');
  await field(page, 'company.authority.poaNumber').fill('15/2026');
  await field(page, 'company.authority.poaDate').fill(kyivDay(-30));
  await field(page, 'company.authority.poaValidUntil').fill(kyivDay(365));
  await field(page, 'company.representative.name').fill(company.representative);
  await field(page, 'company.representative.position').fill('менеджер');

  // Saving without forms is refused.
  await page.getByRole('button', { name: 'Зберегти пакет' }).click();
  await expect(page.getByTestId('package-notice')).toHaveText('Додайте до пакета хоча б одну заяву.');

  // New numbers (one line known), and a tariff change (when: known; which numbers: the dealer's to fill).
  await page.getByLabel('Додати заяву…').selectOption({ label: 'Заява на підключення номерів для юридичної особи' });
  await page.getByRole('button', { name: 'Додати', exact: true }).click();
  const numbers = page.locator('[data-testid="package-item"][data-template="legal-entity-numbers"]');
  await numbers.getByRole('button', { name: 'Додати рядок' }).click();
  await field(page, 'numbers.lines.0.msisdn').fill('067 111 22 33');
  await field(page, 'numbers.lines.0.tariff').selectOption('business-5');
  await page.getByLabel('Додати заяву…').selectOption({ label: 'Заява на зміну тарифу для номерів юридичної особи' });
  await page.getByRole('button', { name: 'Додати', exact: true }).click();
  await field(page, 'tariff.effective').selectOption('now');
  await page.getByRole('button', { name: 'Зберегти пакет' }).click();

  await expect(page).toHaveURL(/\/operator\/packages\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('package-status')).toHaveText('Чернетка');
  const number = (await page.getByTestId('package-number').innerText()).trim();
  expect(number).toMatch(/^PK-\d{4}-\d{6}$/);
  await expect(page.getByTestId('package-item')).toHaveCount(2);
  await expect(page.getByTestId('company-remembered')).toContainText('Запам’ятовані дані компанії змінено');
  await expect(field(page, 'numbers.lines.0.msisdn')).toHaveValue('067 111 22 33');

  // The company is remembered: the next package starts from its details, saying when they changed.
  await page.goto('/operator/packages/new');
  await hydrated(page);
  await field(page, 'company.company.edrpou').fill(company.edrpou);
  await expect(page.getByTestId('company-remembered')).toContainText('Дані з попереднього пакета, змінено');
  await expect(field(page, 'company.company.name')).toHaveValue(company.name);
  await expect(field(page, 'company.representative.name')).toHaveValue(company.representative);

  // And the package is found again by the EDRPOU.
  await page.goto('/operator/packages');
  await hydrated(page);
  await page.getByLabel('Пошук за ЄДРПОУ, назвою компанії або номером пакета').fill(company.edrpou);
  await expect(page.getByTestId('package-row').filter({ hasText: number })).toContainText('Чернетка');
  await page.context().close();
  return number;
}

async function identifyRepresentative(dealer: Page, representative: string) {
  const step = dealer.getByTestId('package-step-identify');
  const form = step.getByTestId('identification-form-representative');
  // The representative named in the package is already there.
  await expect(form.getByLabel('Прізвище, ім’я, по батькові')).toHaveValue(representative);
  const birthDate = '1990-07-01';
  await form.getByLabel('Дата народження').fill(birthDate);
  await form.getByLabel('Документ').selectOption('id_card');
  await form.getByLabel('Номер документа').fill('001234567');
  await form.getByLabel('Орган, що видав (код)').fill('0512');
  await form.getByLabel('Дійсний до').fill('2029-05-10');
  const first12 = `${birthDate.replaceAll('-', '')}0042`;
  await form.getByLabel('Запис № (УНЗР)').fill(`${first12.slice(0, 8)}-${first12.slice(8)}${unzrCheckDigit(first12)}`);
  await form.getByLabel('Дата видачі').fill('2019-05-10');
  await form.getByLabel('РНОКПП (ІПН)').fill(rnokppFor(birthDate, '0456'));
  await form.getByTestId('scan-input').setInputFiles({ name: 'id-card.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n') });
  await expect(form.getByTestId('scans')).toContainText('id-card.pdf');
  await form.getByLabel('Підтверджую').check();
  await form.getByRole('button', { name: 'Зберегти ідентифікацію' }).click();
  await expect(step).toHaveAttribute('data-done', 'true');
  await expect(step.getByTestId('identification-summary')).toContainText(representative);
}

test('a company package: prepared in advance, sent into a chat, identified once, completed, verified, signed once, submitted together, approved one by one', async ({ browser }) => {
  test.setTimeout(300_000);
  const company = freshCompany();
  const number = await preparePackage(browser, company);

  // A dealer opens a chat; the operator sends the package into it.
  const { dealer, operator } = await openChat(browser, 'dealer@demo.local', 'operator@demo.local', `Пакет ${attemptTag()}`);
  // (Its label avoids "Надіслати", the composer's button other tests find by that name.)
  await operator.getByRole('button', { name: 'Відправити пакет документів' }).click();
  const picker = operator.getByTestId('send-package');
  await picker.getByRole('searchbox').fill(number);
  await picker.getByTestId('send-package-item').filter({ hasText: number }).getByRole('button', { name: 'Надіслати' }).click();
  await expect(picker).toHaveCount(0);
  await expect(operator.getByTestId('package-card').filter({ hasText: number })).toBeVisible();

  // The dealer sees one card and opens it: both forms become applications of the chat.
  const card = dealer.getByTestId('package-card').filter({ hasText: number });
  await expect(card).toContainText(company.name);
  await expect(card).toContainText('2 заяви');
  await card.getByRole('button', { name: 'Відкрити пакет' }).click();
  await expect(dealer).toHaveURL(/\/packages\/[0-9a-f-]{36}$/);
  const packagePath = new URL(dealer.url()).pathname;
  await expect(dealer.getByTestId('package-status')).toHaveText('Відкрито дилером');
  await expect(dealer.getByTestId('package-company')).toContainText(company.edrpou);
  const rows = dealer.getByTestId('package-application');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute('data-status', 'draft');
  // What is left to fill: nothing in the numbers form, the numbers list of the tariff change.
  await expect(rows.nth(0).getByTestId('package-application-missing')).toHaveAttribute('data-count', '0');
  await expect(rows.nth(1).getByTestId('package-application-missing')).toHaveAttribute('data-count', '1');
  const numbersOf = async () => Promise.all([0, 1].map(async (i) => (await rows.nth(i).getAttribute('data-number')) ?? ''));
  const [numbersNumber, tariffNumber] = await numbersOf();
  expect(numbersNumber).toMatch(/^DD-\d{4}-\d{6}$/);
  // The package's chat stands beside it; the operator's list of applications shows the new ones live.
  await expect(dealer.getByTestId('package-chat').getByTestId('chat-view')).toBeVisible();
  await expect(operator.getByTestId('dealer-applications')).toContainText(numbersNumber ?? '');
  await expect(operator.getByTestId('dealer-applications')).toContainText(tariffNumber ?? '');
  const ids = await Promise.all([0, 1].map(async (i) => /[0-9a-f-]{36}$/.exec((await rows.nth(i).getByRole('link', { name: 'Відкрити заяву' }).getAttribute('href')) ?? '')?.[0] ?? ''));

  // The representative is identified once, for both.
  await identifyRepresentative(dealer, company.representative);
  await expect(rows.nth(0)).toHaveAttribute('data-status', 'identified');
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'identified');

  // The numbers form: what the operator filled is marked; nothing left; finished as it is.
  await rows.nth(0).getByRole('link', { name: 'Відкрити заяву' }).click();
  await expect(dealer).toHaveURL(new RegExp(`/applications/${ids[0]}$`));
  await expect(dealer.getByTestId('package-link')).toHaveText(`Пакет ${number}`);
  await expect(dealer.locator('[data-field="numbers.lines"]').getByTestId('prefilled-badge')).toHaveText('заповнив оператор');
  await expect(dealer.locator('[data-field="company.edrpou"]').getByTestId('prefilled-badge')).toBeVisible();
  await expect(dealer.getByTestId('missing-fields')).toHaveText('Усі обов’язкові поля заповнено.');
  await expect(dealer.getByTestId('party-representative')).toContainText(company.representative);
  await dealer.getByRole('button', { name: 'Завершити заповнення' }).click();
  await expect(dealer.getByTestId('application-status')).toHaveText('Заповнено');

  // The tariff change: the dealer adds the numbers the operator left out.
  await dealer.getByTestId('package-link').click();
  await expect(dealer).toHaveURL(new RegExp(`${packagePath}$`));
  await rows.nth(1).getByRole('link', { name: 'Відкрити заяву' }).click();
  await expect(dealer).toHaveURL(new RegExp(`/applications/${ids[1]}$`));
  await expect(dealer.locator('[data-field="tariff.effective"]').getByTestId('prefilled-badge')).toBeVisible();
  await expect(dealer.locator('[data-field="tariff.lines"]').getByTestId('prefilled-badge')).toHaveCount(0);
  await expect(dealer.getByTestId('missing-fields')).toHaveText('Залишилося заповнити: Номери');
  await dealer.getByRole('button', { name: 'Додати рядок' }).click();
  await field(dealer, 'tariff.lines.0.msisdn').fill('050 222 33 44');
  await field(dealer, 'tariff.lines.0.newTariff').selectOption('business-unlim');
  await expect(dealer.getByTestId('missing-fields')).toHaveAttribute('data-count', '0');
  await dealer.getByRole('button', { name: 'Завершити заповнення' }).click();
  await expect(dealer.getByTestId('application-status')).toHaveText('Заповнено');

  // The operator opens the package from the card in the chat and verifies both.
  await expect(operator.getByTestId('package-card').filter({ hasText: number }).getByRole('link', { name: 'Переглянути пакет' })).toHaveAttribute('href', packagePath);
  const review = await operator.context().newPage();
  await review.goto(packagePath);
  await hydrated(review);
  for (const index of [0, 1]) {
    await review.getByTestId('package-application').nth(index).getByRole('link', { name: 'Відкрити заяву' }).click();
    await expect(review).toHaveURL(new RegExp(`/applications/${ids[index]}$`));
    await expect(review.getByTestId('application-status')).toHaveText('Заповнено');
    await review.getByRole('button', { name: 'Перевірено — все гаразд' }).click();
    await expect(review.getByTestId('application-status')).toHaveText('Перевірено');
    await review.goto(packagePath);
    await hydrated(review);
  }
  await expect(review.getByTestId('package-application').nth(1)).toHaveAttribute('data-status', 'verified');
  await review.close();
  // The operator's part is done: the chat is closed (demo operators are shared by parallel tests, each with a cap on chats).
  await operator.getByTestId('chat-view').getByRole('button', { name: 'Завершити чат' }).click();
  // Closing asks first (and names the chat's open applications).
  await operator.getByRole('dialog', { name: 'Завершити чат?' }).getByRole('button', { name: 'Завершити', exact: true }).click();
  await expect(dealer.getByTestId('chat-status')).toHaveText('Завершено');

  // The representative signs once, the dealer once: both documents signed, each its own sealed PDF.
  await dealer.goto(packagePath);
  await hydrated(dealer);
  const signing = dealer.getByTestId('package-signing');
  await expect(signing.getByTestId('package-preview-link')).toHaveCount(2);
  const signButton = signing.getByRole('button', { name: 'Підписати всі 2 документи' });
  await expect(signButton).toBeDisabled();
  await draw(dealer, 'representative');
  await draw(dealer, 'dealer');
  await signButton.click();
  await expect(rows.nth(0)).toHaveAttribute('data-status', 'signed', { timeout: 30_000 });
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'signed');
  await expect(dealer.getByTestId('package-step-sign')).toHaveAttribute('data-done', 'true');

  const dir = mkdtempSync(join(tmpdir(), 'package-pdfs-'));
  try {
    const hashes = new Set<string>();
    for (const id of ids) {
      const response = await dealer.request.get(`/api/applications/${id}/pdf`);
      expect(response.status()).toBe(200);
      const pdf = await response.body();
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      hashes.add(pdf.toString('base64'));
      if (PDFSIG) {
        const file = join(dir, `${id}.pdf`);
        writeFileSync(file, pdf);
        const out = spawnSync(PDFSIG, [file], { encoding: 'utf8' });
        expect(out.stdout).toContain('Signature is Valid');
      }
    }
    expect(hashes.size).toBe(2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // Submitted together.
  await dealer.getByRole('button', { name: 'Подати пакет до бек-офісу' }).click();
  await expect(rows.nth(0)).toHaveAttribute('data-status', 'submitted');
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'submitted');
  await expect(dealer.getByTestId('package-step-submit')).toHaveAttribute('data-done', 'true');

  // The back office sees each as part of the package and approves them one by one.
  const office = await signedIn(browser, 'backoffice@demo.local', /\/backoffice$/);
  for (const applicationNumber of [numbersNumber, tariffNumber]) {
    const row = office.getByTestId('queue-row').filter({ hasText: applicationNumber ?? '' });
    await row.getByRole('link', { name: applicationNumber }).click();
    await hydrated(office);
    await expect(office.getByTestId('review-status')).toHaveText('Подано');
    await expect(office.getByTestId('package-link')).toHaveText(`Частина пакета ${number}`);
    await expect(office.getByTestId('review-party-representative')).toContainText(company.representative);
    await office.getByRole('button', { name: 'Взяти в роботу' }).click();
    await expect(office.getByText('Заява у вашій роботі')).toBeVisible();
    await office.getByRole('button', { name: 'Схвалити', exact: true }).click();
    await office.getByRole('button', { name: 'Так, схвалити' }).click();
    await expect(office.getByTestId('review-status')).toHaveText('Погоджено');
    await office.goto('/backoffice');
    await hydrated(office);
  }

  // The dealer's package page follows live.
  await expect(rows.nth(0)).toHaveAttribute('data-status', 'approved');
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'approved');
});

import { expect, test } from '@playwright/test';
import { closeChatsLeftOpen, createApplication, draw, field, filledTariffChange, identify, openChat } from './application-steps';
import { hydrated } from './helpers';

// A retry starts clean: the chats an attempt opened never hold the shared operators' places.
test.afterEach(closeChatsLeftOpen);

test('SIM replacement: identify with a passport booklet, fill, returned with a remark, fixed, verified', async ({ browser }) => {
  test.setTimeout(120_000);
  const { dealer, operator } = await openChat(browser, 'dealer@demo.local', 'operator2@demo.local', `SIM ${Date.now()}`);
  await createApplication(dealer, 'Заява на заміну SIM-картки');
  const url = dealer.url();

  // An empty identification is refused field by field before anything is sent.
  const form = dealer.getByTestId('identification-form-subscriber');
  await form.getByRole('button', { name: 'Зберегти ідентифікацію' }).click();
  await expect(form.getByText('Підтвердьте, що перевірили оригінал документа.')).toBeVisible();

  await identify(dealer, 'subscriber', { fullName: 'Коваленко Марія Іванівна', birthDate: '1985-03-14', document: 'booklet', number: 'кв 123456', issuer: 'Барським РВ УМВС України у Вінницькій області', issuedOn: '2001-04-20', serial: '0123' });
  await expect(dealer.getByTestId('application-status')).toHaveText('Ідентифіковано');

  await field(dealer, 'number.msisdn').fill('067 123 45 67');
  await field(dealer, 'number.reason').selectOption('lost');
  await field(dealer, 'number.simType').selectOption('physical');
  // The SIM is lost: the confirmation goes to the subscriber's other number.
  await field(dealer, 'contact.contactPhone').fill('050 111 22 33');
  // The conditional ICCID field appears only for a physical SIM; completing without it is refused on the field.
  await dealer.getByRole('button', { name: 'Завершити заповнення' }).click();
  await expect(dealer.locator('[data-field="number.iccid"]').getByRole('alert')).toHaveText('Обов’язкове поле.');
  await field(dealer, 'number.iccid').fill('8938001234567890123');
  await dealer.getByRole('button', { name: 'Завершити заповнення' }).click();
  await expect(dealer.getByTestId('application-status')).toHaveText('Заповнено');

  // The operator opens it from the card in the chat and returns it with a remark on a field.
  await operator.getByTestId('application-card').last().getByRole('link', { name: 'Відкрити заяву' }).click();
  await expect(operator).toHaveURL(url);
  await expect(operator.getByTestId('party-subscriber')).toContainText('КВ123456');
  await operator.getByTestId('remark-number.iccid').fill('ICCID не збігається з карткою в руках абонента');
  await operator.getByRole('button', { name: 'Повернути на доопрацювання' }).click();
  await expect(dealer.getByTestId('remarks-banner')).toBeVisible();
  await expect(dealer.locator('[data-field="number.iccid"]').getByTestId('field-remark')).toContainText('ICCID не збігається');

  // The dealer fixes it; the operator verifies.
  await field(dealer, 'number.iccid').fill('8938001234567890999');
  await dealer.getByRole('button', { name: 'Завершити заповнення' }).click();
  await expect(dealer.getByTestId('application-status')).toHaveText('Заповнено');
  await expect(operator.getByTestId('application-status')).toHaveText('Заповнено');
  await operator.reload();
  await hydrated(operator);
  await operator.getByRole('button', { name: 'Перевірено — все гаразд' }).click();
  await expect(operator.getByTestId('application-status')).toHaveText('Перевірено');
  await expect(dealer.getByTestId('application-status')).toHaveText('Перевірено');
  await expect(dealer.getByTestId('remarks-banner')).toHaveCount(0);

  // The dealer desk lists it with its state.
  await dealer.goto('/dealer');
  await expect(dealer.getByTestId('dealer-applications')).toContainText('Перевірено');
});

test('legal entity: representative with an ID card, two numbers with tariffs, verified', async ({ browser }) => {
  test.setTimeout(120_000);
  const { dealer, operator } = await openChat(browser, 'dealer2@demo.local', 'operator@demo.local', `Юрособа ${Date.now()}`);
  await createApplication(dealer, 'Заява на підключення номерів для юридичної особи');
  await identify(dealer, 'representative', { fullName: 'Шевченко Петро Олегович', birthDate: '1990-07-01', document: 'id_card', number: '001234567', issuer: '0512', issuedOn: '2019-05-10', expiresOn: '2029-05-10', serial: '0456' });

  await field(dealer, 'company.name').fill('ТОВ «Агро-Поділля»');
  await field(dealer, 'company.edrpou').fill('34000003');
  await field(dealer, 'company.legalAddress').fill('м. Бар, вул. Соборна, 1');
  await field(dealer, 'company.iban').fill('UA21 3223 1300 0002 6007 2335 6600 1');
  await field(dealer, 'authority.poaNumber').fill('15/2026');
  await field(dealer, 'authority.poaDate').fill('2026-01-15');
  await field(dealer, 'authority.poaValidUntil').fill('2026-12-31');
  for (const [index, [msisdn, tariff]] of [
    ['067 111 22 33', 'business-5'],
    ['050 222 33 44', 'business-unlim'],
  ].entries()) {
    await dealer.getByRole('button', { name: 'Додати рядок' }).click();
    await field(dealer, `numbers.lines.${index}.msisdn`).fill(msisdn ?? '');
    await field(dealer, `numbers.lines.${index}.tariff`).selectOption(tariff ?? '');
  }
  await dealer.getByRole('button', { name: 'Завершити заповнення' }).click();
  await expect(dealer.getByTestId('application-status')).toHaveText('Заповнено');

  await operator.getByTestId('application-card').last().getByRole('link', { name: 'Відкрити заяву' }).click();
  await expect(operator.getByTestId('list-row')).toHaveCount(2);
  await operator.getByRole('button', { name: 'Перевірено — все гаразд' }).click();
  await expect(dealer.getByTestId('application-status')).toHaveText('Перевірено');
});

test('tariff change: signed with two drawn signatures, the PDF verifies as authentic, a modified copy does not', async ({ browser }) => {
  test.setTimeout(150_000);
  const { dealer, operator } = await openChat(browser, 'dealer2@demo.local', 'operator2@demo.local', `Тариф ${Date.now()}`);
  await filledTariffChange(dealer);
  await operator.getByTestId('application-card').last().getByRole('link', { name: 'Відкрити заяву' }).click();
  await operator.getByRole('button', { name: 'Перевірено — все гаразд' }).click();
  await expect(dealer.getByTestId('application-status')).toHaveText('Перевірено');

  // Signing before every signature is drawn is not possible; then both sign.
  const signButton = dealer.getByRole('button', { name: 'Підписати і засвідчити' });
  await expect(signButton).toBeDisabled();
  await draw(dealer, 'subscriber');
  await expect(signButton).toBeDisabled();
  await draw(dealer, 'dealer');
  await signButton.click();
  await expect(dealer.getByTestId('application-status')).toHaveText('Підписано');

  const downloading = dealer.waitForEvent('download');
  await dealer.getByTestId('download-pdf').click();
  const pdf = Buffer.concat(await (await (await downloading).createReadStream()).toArray());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

  await dealer.goto('/verify');
  await hydrated(dealer);
  await dealer.getByTestId('verify-file').setInputFiles({ name: 'zayava.pdf', mimeType: 'application/pdf', buffer: pdf });
  await dealer.getByRole('button', { name: 'Перевірити' }).click();
  await expect(dealer.getByTestId('verify-result')).toHaveAttribute('data-result', 'authentic');
  // The browser tests run with the generated development seal: the page says it is a test one.
  await expect(dealer.getByTestId('verify-result')).toHaveAttribute('data-test-seal', 'true');
  await expect(dealer.getByTestId('verify-result')).toContainText('Документ не змінений, але засвідчений ТЕСТОВОЮ печаткою');
  await expect(dealer.getByTestId('verify-test-seal')).toContainText('не має юридичної сили');
  await expect(dealer.getByTestId('verify-result')).not.toContainText('Бондар');

  const modified = Buffer.from(pdf);
  modified[Math.floor(modified.length / 3)] = (modified[Math.floor(modified.length / 3)] ?? 0) ^ 0x01;
  await dealer.getByTestId('verify-file').setInputFiles({ name: 'zayava-changed.pdf', mimeType: 'application/pdf', buffer: modified });
  await dealer.getByRole('button', { name: 'Перевірити' }).click();
  await expect(dealer.getByTestId('verify-result')).toHaveAttribute('data-result', 'modified');

  const notPdf = await dealer.request.post('/api/verify', { multipart: { file: { name: 'x.pdf', mimeType: 'application/pdf', buffer: Buffer.from('hello') } } });
  expect(notPdf.status()).toBe(400);
  const tooBig = await dealer.request.post('/api/verify', { multipart: { file: { name: 'big.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(50 * 1024 * 1024) } } });
  expect(tooBig.status()).toBe(413);
});

import { expect, test, type Browser, type Page } from '@playwright/test';
import { createApplication, draw, field, identify, openChat } from './application-steps';
import { hydrated, signIn } from './helpers';

/** The link of the SMS about an application sent to one number, from the development inbox (admins only). */
async function linkFromDevInbox(browser: Browser, number: string, to: string): Promise<string> {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, 'admin@demo.local');
  await expect(admin).toHaveURL(/\/admin$/);
  await hydrated(admin);
  await admin.getByTestId('dev-inbox-tab').click();
  const message = admin.getByTestId('dev-message').filter({ hasText: number }).filter({ hasText: `→ ${to}` }).first();
  await expect(message).toBeVisible({ timeout: 15_000 });
  const href = await message.getByRole('link').getAttribute('href');
  await admin.context().close();
  if (!href) throw new Error(`no link in the SMS to ${to}`);
  return href;
}

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(/\/backoffice$/);
  await hydrated(page);
  return page;
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(url);
  await hydrated(page);
  return page;
}

/** A lost SIM's replacement filled up to the contact section (left empty). */
async function lostSimUpToContact(dealer: Page, msisdn: string) {
  await createApplication(dealer, 'Заява на заміну SIM-картки');
  await identify(dealer, 'subscriber', { fullName: 'Коваленко Марія Іванівна', birthDate: '1985-03-14', document: 'booklet', number: 'кв 123456', issuer: 'Барським РВ УМВС', issuedOn: '2001-04-20', serial: '0123' });
  await field(dealer, 'number.msisdn').fill(msisdn);
  await field(dealer, 'number.reason').selectOption('lost');
  await field(dealer, 'number.simType').selectOption('physical');
  await field(dealer, 'number.iccid').fill('8938001234567890123');
}

/** The operator verifies, both sign, the dealer submits; returns the application's number and id. */
async function verifySignSubmit(dealer: Page, operator: Page) {
  await operator.getByTestId('application-card').last().getByRole('link', { name: 'Відкрити заяву' }).click();
  await hydrated(operator);
  await operator.getByRole('button', { name: 'Перевірено — все гаразд' }).click();
  await expect(dealer.getByTestId('application-status')).toHaveText('Перевірено');
  await draw(dealer, 'subscriber');
  await draw(dealer, 'dealer');
  await dealer.getByRole('button', { name: 'Підписати і засвідчити' }).click();
  await expect(dealer.getByTestId('application-status')).toHaveText('Підписано');
  await dealer.getByRole('button', { name: 'Подати до бек-офісу' }).click();
  await expect(dealer.getByTestId('application-status')).toHaveText('Подано');
  const number = /DD-\d{4}-\d{6}/.exec(await dealer.getByTestId('application-workspace').innerText())?.[0];
  const id = /[0-9a-f-]{36}$/.exec(dealer.url())?.[0];
  if (!number || !id) throw new Error('no application number on the page');
  return { number, id };
}

test('the SIM replacement whose confirmation reaches the subscriber when the old SIM is lost', async ({ browser }) => {
  test.setTimeout(180_000);
  const { dealer, operator } = await openChat(browser, 'dealer@demo.local', 'operator@demo.local', `SIM втрачено ${Date.now()}`);
  await lostSimUpToContact(dealer, '067 123 45 67');

  // The form says why a contact is needed, and refuses to complete without one, or with the same number.
  await expect(dealer.getByTestId('section-help-contact')).toContainText('не отримає SMS на цей номер');
  await dealer.getByRole('button', { name: 'Завершити заповнення' }).click();
  await expect(dealer.locator('[data-field="contact.contactPhone"]').getByRole('alert')).toHaveText(/SIM-картка номера не отримає SMS: вкажіть інший номер або пошту/);
  await field(dealer, 'contact.contactPhone').fill('+38 067 123 45 67');
  await dealer.getByRole('button', { name: 'Завершити заповнення' }).click();
  await expect(dealer.locator('[data-field="contact.contactPhone"]').getByRole('alert')).toHaveText('Вкажіть інший номер, не той, якого стосується заява.');
  await field(dealer, 'contact.contactPhone').fill('050 111 22 33');
  await dealer.getByRole('button', { name: 'Завершити заповнення' }).click();
  await expect(dealer.getByTestId('application-status')).toHaveText('Заповнено');

  // Before signing and submitting, the dealer reads where each message goes.
  const route = dealer.getByTestId('confirmation-route');
  await expect(route).toHaveAttribute('data-mode', 'contact');
  await expect(route).toContainText('Номер +380671234567 отримає SMS про заяву з кнопкою «Це не я»');
  await expect(route).toContainText('Посилання для підтвердження піде SMS на +380501112233');
  const { number, id } = await verifySignSubmit(dealer, operator);

  // The lost number gets a notice that can only say "this was not me".
  const notice = await openPage(browser, await linkFromDevInbox(browser, number, '+380671234567'));
  await expect(notice.getByTestId('subscriber-notice')).toContainText('Посилання для підтвердження надіслано на інший контакт');
  await expect(notice.getByRole('button', { name: 'Це не я', exact: true })).toBeVisible();
  await expect(notice.getByRole('button', { name: 'Так, це я подавав(ла)' })).toHaveCount(0);

  // The subscriber confirms from their other number.
  const subscriber = await openPage(browser, await linkFromDevInbox(browser, number, '+380501112233'));
  await expect(subscriber.getByText('Чи подавали ви цю заяву?')).toBeVisible();
  await subscriber.getByRole('button', { name: 'Так, це я подавав(ла)' }).click();
  await expect(subscriber.getByText(/Ви підтвердили заяву/)).toBeVisible();

  // The back office sees which channel confirmed, and approves.
  const office = await signedIn(browser, 'backoffice@demo.local');
  await office.goto(`/backoffice/applications/${id}`);
  await hydrated(office);
  const channel = office.getByTestId('confirmation-channel');
  await expect(channel).toContainText('на номер заяви +38067•••4567');
  await expect(office.getByTestId('confirmed-via')).toHaveText(/Підтверджено за посиланням з SMS на \+38050•••2233/);
  await office.getByRole('button', { name: 'Взяти в роботу' }).click();
  await expect(office.getByText('Заява у вашій роботі')).toBeVisible();
  await office.getByRole('button', { name: 'Схвалити', exact: true }).click();
  await office.getByRole('button', { name: 'Так, схвалити' }).click();
  await expect(office.getByTestId('review-status')).toHaveText('Погоджено');

  // After the decision the subscriber's page says what approval means; "this was not me" stays.
  await subscriber.reload();
  await hydrated(subscriber);
  await expect(subscriber.getByTestId('subscriber-outcome')).toContainText('Заяву схвалено.');
  await expect(subscriber.getByTestId('subscriber-outcome')).toContainText('Нова SIM-картка запрацює з вашим номером, а стара перестане працювати.');
  await expect(subscriber.getByText('Чи подавали ви цю заяву?')).toHaveCount(0);
  await expect(subscriber.getByText(/Якщо ви цієї заяви не подавали, натисніть «Це не я»/)).toBeVisible();
  await expect(subscriber.getByRole('button', { name: 'Це не я', exact: true })).toBeVisible();
});

test("the subscriber's page after a decision", async ({ browser }) => {
  test.setTimeout(180_000);
  // A lost SIM and no other contact: only the notice; the back office must wait.
  const { dealer, operator } = await openChat(browser, 'dealer2@demo.local', 'operator2@demo.local', `Без контакту ${Date.now()}`);
  await lostSimUpToContact(dealer, '063 765 43 21');
  await dealer.getByLabel('Іншого номера чи пошти в абонента немає').check();
  await dealer.getByRole('button', { name: 'Завершити заповнення' }).click();
  await expect(dealer.getByTestId('application-status')).toHaveText('Заповнено');
  await expect(dealer.getByTestId('confirmation-route')).toContainText('не раніше ніж через 24 год після подання');
  const { number, id } = await verifySignSubmit(dealer, operator);
  await expect(dealer.getByTestId('application-workspace').getByTestId('outcome')).toContainText('Іншого контакту в абонента немає: бек-офіс зможе схвалити заяву після');

  const office = await signedIn(browser, 'backoffice@demo.local');
  await office.goto(`/backoffice/applications/${id}`);
  await hydrated(office);
  await expect(office.getByTestId('confirmation-channel')).toContainText('Іншого контакту абонент не має: очікування до');
  await expect(office.getByRole('button', { name: 'Схвалити' })).toBeDisabled();
  await expect(office.getByTestId('cannot-approve-yet')).toContainText('очікування до');

  // The number's page, before the decision: why it got the message, and "this was not me" only.
  const holder = await openPage(browser, await linkFromDevInbox(browser, number, '+380637654321'));
  await expect(holder.getByTestId('subscriber-notice')).toContainText('заяву можуть схвалити не раніше');
  await expect(holder.getByRole('button', { name: 'Так, це я подавав(ла)' })).toHaveCount(0);

  // The back office rejects; the page now shows the outcome and what to do, with no question and no buttons.
  await office.getByRole('button', { name: 'Взяти в роботу' }).click();
  await expect(office.getByText('Заява у вашій роботі')).toBeVisible();
  await office.getByRole('button', { name: 'Відхилити' }).click();
  await office.getByTestId('reject-reason').selectOption('documentInvalid');
  await office.getByRole('button', { name: 'Відхилити заяву' }).click();
  await expect(office.getByTestId('review-status')).toHaveText('Відхилено');

  await holder.reload();
  await hydrated(holder);
  await expect(holder.getByTestId('subscriber-status')).toHaveText('Відхилено — Документ недійсний або прострочений');
  await expect(holder.getByTestId('subscriber-outcome')).toContainText('Заяву відхилено: нічого не змінено.');
  await expect(holder.getByTestId('subscriber-outcome')).toContainText('зверніться до точки продажу');
  await expect(holder.getByTestId('subscriber-notice')).toHaveCount(0);
  await expect(holder.getByText('Чи подавали ви цю заяву?')).toHaveCount(0);
  await expect(holder.getByRole('button', { name: 'Це не я', exact: true })).toHaveCount(0);
});

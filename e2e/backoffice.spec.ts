import { expect, test, type Browser, type Page } from '@playwright/test';
import { closeChatsLeftOpen, createApplication, draw, field, filledTariffChange, identify, openChat } from './application-steps';
import { hydrated, signIn } from './helpers';

// A retry starts clean: the chats an attempt opened never hold the shared operators' places.
test.afterEach(closeChatsLeftOpen);

/** The dealer and operator path up to a signed application, then the dealer submits it; returns its number. */
async function submitted(browser: Browser, kind: 'sim' | 'tariff', topic: string) {
  const { dealer, operator } = await openChat(browser, kind === 'sim' ? 'dealer@demo.local' : 'dealer2@demo.local', kind === 'sim' ? 'operator@demo.local' : 'operator2@demo.local', topic);
  if (kind === 'sim') {
    await createApplication(dealer, 'Заява на заміну SIM-картки');
    await identify(dealer, 'subscriber', { fullName: 'Коваленко Марія Іванівна', birthDate: '1985-03-14', document: 'booklet', number: 'кв 123456', issuer: 'Барським РВ УМВС', issuedOn: '2001-04-20', serial: '0123' });
    await field(dealer, 'number.msisdn').fill('067 123 45 67');
    await field(dealer, 'number.reason').selectOption('lost');
    await field(dealer, 'number.simType').selectOption('physical');
    await field(dealer, 'number.iccid').fill('8938001234567890123');
    // The SIM is lost: the confirmation goes to the subscriber's other number (the lost one gets a notice).
    await field(dealer, 'contact.contactPhone').fill('050 111 22 33');
    await dealer.getByRole('button', { name: 'Завершити заповнення' }).click();
    await expect(dealer.getByTestId('application-status')).toHaveText('Заповнено');
  } else {
    await filledTariffChange(dealer);
  }
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
  if (!number) throw new Error('no application number on the page');
  return { dealer, operator, number };
}

/** The link from the development SMS inbox, which only an admin can read (of the message to `to`, when given). */
async function linkFromDevInbox(browser: Browser, number: string, to?: string): Promise<string> {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, 'admin@demo.local');
  await expect(admin).toHaveURL(/\/admin$/);
  await hydrated(admin);
  await admin.getByTestId('dev-inbox-tab').click();
  const about = admin.getByTestId('dev-message').filter({ hasText: number });
  const message = (to ? about.filter({ hasText: `→ ${to}` }) : about).first();
  await expect(message).toBeVisible({ timeout: 15_000 });
  const href = await message.getByRole('link').getAttribute('href');
  await admin.context().close();
  if (!href) throw new Error('no link in the SMS');
  return href;
}

async function backOffice(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, 'backoffice@demo.local');
  await expect(page).toHaveURL(/\/backoffice$/);
  await hydrated(page);
  return page;
}

test('the whole cycle: submitted, confirmed by the subscriber through the SMS link, approved; the subscriber sees it and the PDF', async ({ browser }) => {
  test.setTimeout(180_000);
  const { dealer, operator, number } = await submitted(browser, 'sim', `Цикл ${Date.now()}`);
  const link = await linkFromDevInbox(browser, number, '+380501112233');

  // The subscriber, with no account, opens the link from the SMS and confirms.
  const subscriber = await (await browser.newContext()).newPage();
  await subscriber.goto(link);
  await hydrated(subscriber);
  await expect(subscriber.getByTestId('subscriber-number')).toHaveText(number);
  await expect(subscriber.getByTestId('subscriber-status')).toHaveText('Подано');
  await subscriber.getByRole('button', { name: 'Так, це я подавав(ла)' }).click();
  await expect(subscriber.getByText(/Ви підтвердили заяву/)).toBeVisible();

  // The back office finds it in the queue, takes it and approves it.
  const office = await backOffice(browser);
  await office.getByTestId('queue-filters').getByLabel('Лише чутливі').check();
  // Found by the subscriber's phone number, however it is typed; the name is in the row.
  await office.getByTestId('queue-search').fill('+380 67 123-45-67');
  const row = office.getByTestId('queue-row').filter({ hasText: number });
  await expect(row).toContainText('Абонент підтвердив');
  await expect(row.getByTestId('queue-subscriber')).toHaveText('Коваленко Марія Іванівна');
  await office.getByTestId('queue-search').fill('Нікого Такого');
  await expect(row).toBeHidden();
  await office.getByTestId('queue-search').fill('коваленко');
  await expect(row).toBeVisible();
  await row.getByRole('link', { name: number }).click();
  await hydrated(office);
  await expect(office.getByTestId('review-status')).toHaveText('Подано');
  await expect(office.getByTestId('review-party-subscriber')).toContainText('Коваленко');
  await expect(office.getByTestId('audit-trail')).toContainText('Абонент підтвердив');
  await expect(office.getByTestId('audit-trail')).not.toContainText('application.');
  // No decision before the application is taken to work, and the page says why.
  await expect(office.getByTestId('decide-needs-claim')).toHaveText('Щоб схвалити, відхилити чи повернути заяву, спершу візьміть її в роботу.');
  for (const name of ['Схвалити', 'Відхилити', 'Повернути дилеру']) await expect(office.getByRole('button', { name, exact: true })).toBeDisabled();
  await office.getByRole('button', { name: 'Взяти в роботу' }).click();
  await expect(office.getByText('Заява у вашій роботі')).toBeVisible();
  await expect(office.getByTestId('decide-needs-claim')).toBeHidden();
  // Approving asks first; cancelling changes nothing.
  await office.getByRole('button', { name: 'Схвалити', exact: true }).click();
  await expect(office.getByTestId('approve-confirmation')).toContainText(`Схвалити заяву ${number}?`);
  await office.getByRole('button', { name: 'Скасувати' }).click();
  await expect(office.getByTestId('approve-confirmation')).toBeHidden();
  await expect(office.getByTestId('review-status')).toHaveText('Подано');
  await office.getByRole('button', { name: 'Схвалити', exact: true }).click();
  await office.getByRole('button', { name: 'Так, схвалити' }).click();
  await expect(office.getByTestId('review-status')).toHaveText('Погоджено');

  // The dealer and the chat's operator see the outcome live.
  await expect(dealer.getByTestId('application-status')).toHaveText('Погоджено');
  await expect(dealer.getByTestId('application-workspace').getByTestId('outcome')).toContainText('Схвалено');
  await expect(operator.getByTestId('application-status')).toHaveText('Погоджено');
  await expect(operator.getByTestId('application-card').last().getByTestId('outcome')).toContainText('Схвалено');

  // The same link now shows the outcome, and the signed PDF.
  await subscriber.reload();
  await hydrated(subscriber);
  await expect(subscriber.getByTestId('subscriber-status')).toHaveText('Погоджено');
  const downloading = subscriber.waitForEvent('download');
  await subscriber.getByTestId('subscriber-pdf').click();
  const pdf = Buffer.concat(await (await (await downloading).createReadStream()).toArray());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

  // An altered link shows a clear error and nothing of the application.
  await subscriber.goto(`${link.slice(0, -1)}${link.endsWith('A') ? 'B' : 'A'}`);
  await expect(subscriber.getByTestId('link-error')).toContainText('Такого посилання не існує');
  await expect(subscriber.locator('body')).not.toContainText(number);
});

test('a dispute: the subscriber says it was not them; the back office sees it flagged, cannot approve, rejects', async ({ browser }) => {
  test.setTimeout(180_000);
  const { dealer, number } = await submitted(browser, 'tariff', `Спір ${Date.now()}`);
  const link = await linkFromDevInbox(browser, number);

  const subscriber = await (await browser.newContext()).newPage();
  await subscriber.goto(link);
  await hydrated(subscriber);
  await subscriber.getByRole('button', { name: 'Це не я', exact: true }).click();
  await subscriber.getByTestId('dispute-comment').fill('Я нічого не подавала');
  await subscriber.getByRole('button', { name: 'Повідомити, що це не я' }).click();
  await expect(subscriber.getByTestId('subscriber-status')).toHaveText('Оскаржено');
  await expect(dealer.getByTestId('application-status')).toHaveText('Оскаржено');

  const office = await backOffice(browser);
  await expect(office.getByTestId('queue-counters')).toContainText('Оскаржені');
  await office.getByTestId('queue-filters').getByLabel('Показати').selectOption('disputed');
  const row = office.getByTestId('queue-row').filter({ hasText: number });
  await expect(row).toHaveAttribute('data-status', 'disputed');
  await expect(row).toContainText('Оскаржено абонентом');
  await row.getByRole('link', { name: number }).click();
  await hydrated(office);
  await expect(office.getByTestId('dispute')).toContainText('Я нічого не подавала');
  await office.getByRole('button', { name: 'Взяти в роботу' }).click();
  await expect(office.getByRole('button', { name: 'Схвалити', exact: true })).toBeDisabled();
  await expect(office.getByText('Абонент оскаржив заяву: її можна лише відхилити.')).toBeVisible();
  // The server refuses too, whatever the page shows.
  const refused = await office.request.post('/api/trpc/backoffice.approve', { data: { json: { applicationId: /[0-9a-f-]{36}$/.exec(office.url())?.[0], version: 1 } } });
  expect(refused.status()).toBe(409);

  await office.getByRole('button', { name: 'Відхилити', exact: true }).click();
  await office.getByTestId('reject-reason').selectOption('subscriberDisputed');
  await office.getByRole('button', { name: 'Відхилити заяву' }).click();
  await expect(office.getByTestId('review-status')).toHaveText('Відхилено');
  await expect(dealer.getByTestId('application-workspace').getByTestId('outcome')).toContainText('Абонент не подавав заяви');
});

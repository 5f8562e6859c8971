import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevelopmentP12 } from '@/server/signing/seal-certificate';
import { scribblePng } from '@/server/signing/sample-document';
import { ApiClient, startAppProcess, type AppProcess } from '../helpers/app-process';
import { bookletIdentification, TARIFF_FORM } from '../helpers/application-world';
import { validEdrpou } from '../helpers/test-db';
import { postgresUnavailable, startPostgres, type PostgresCluster } from '../helpers/postgres';

// Two real app processes (scripts/serve.ts) on one real PostgreSQL, clients over real HTTP and
// SSE: what a load balancer in front of several processes must give (issue 16). Runs once, in the
// SQLite half of the suite (it starts its own cluster; vitest.config.ts leaves it out of the other).
const skip = postgresUnavailable();

const ADMIN = { email: 'admin@two.test', password: 'admin-password-1' };
const PASSWORD = 'person-password-1';
const OFFER_SECONDS = 3;

describe.skipIf(skip)('two app processes on one PostgreSQL', () => {
  let cluster: PostgresCluster;
  let url: string;
  let dir: string;
  let one: AppProcess;
  let two: AppProcess;
  let sql: pg.Pool;
  const people = { dealer: '', operator: '' };

  beforeAll(async () => {
    cluster = await startPostgres();
    url = await cluster.createDatabase('two_processes');
    sql = new pg.Pool({ connectionString: url, max: 2 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-two-processes-'));
    const seal = createDevelopmentP12();
    fs.writeFileSync(path.join(dir, 'seal.p12'), seal.p12);
    const shared = {
      DATABASE_URL: url,
      DEMO: 'off',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      BETTER_AUTH_SECRET: 'two-processes-share-this-secret-0123456789',
      SEAL_P12_PATH: path.join(dir, 'seal.p12'),
      SEAL_P12_PASSWORD: seal.password,
      CHAT_OFFER_TIMEOUT_SECONDS: String(OFFER_SECONDS),
      PDF_WORKERS: '1',
    };
    // Both start at once on the empty database: one migrates and seeds, the other waits and finds it done.
    [one, two] = await Promise.all([startAppProcess({ ...shared, DATA_DIR: path.join(dir, 'one') }), startAppProcess({ ...shared, DATA_DIR: path.join(dir, 'two') })]);

    const admin = new ApiClient(one.base);
    await admin.signIn(ADMIN.email, ADMIN.password);
    const company = await admin.mutate<{ id: string }>('admin.dealers.create', { name: 'ТОВ «Два процеси»', edrpou: validEdrpou(4_333_001) });
    const point = await admin.mutate<{ id: string }>('admin.dealers.createPointOfSale', { dealerId: company.id, name: 'Салон «Два»', town: 'Умань', address: 'вул. Садова, 2' });
    people.dealer = 'dealer@two.test';
    people.operator = 'operator@two.test';
    await admin.mutate('admin.users.create', { name: 'Дилер Двох Процесів', email: people.dealer, password: PASSWORD, role: 'dealer', dealerId: company.id, pointOfSaleId: point.id });
    await admin.mutate('admin.users.create', { name: 'Оператор Двох Процесів', email: people.operator, password: PASSWORD, role: 'operator' });
  }, 180_000);

  /** The dealer signed in on one process, the operator on another (or the same), both listening; a chat offered and accepted. */
  async function acceptedChat(dealerProcess: AppProcess, operatorProcess: AppProcess, topic: string) {
    const dealer = new ApiClient(dealerProcess.base);
    const operator = new ApiClient(operatorProcess.base);
    await dealer.signIn(people.dealer, PASSWORD);
    await operator.signIn(people.operator, PASSWORD);
    await Promise.all([dealer.listen(), operator.listen()]);
    await operator.mutate('operator.setStatus', { status: 'available' });
    const { chatId } = await dealer.mutate<{ chatId: string }>('chat.start', { topic });
    await operator.waitFor((e) => e.type === 'chat.offered' && e.chatId === chatId, `the offer of «${topic}»`);
    await operator.mutate('operator.accept', { chatId });
    return { dealer, operator, chatId };
  }

  afterAll(async () => {
    await Promise.all([one?.stop(), two?.stop()]);
    await sql?.end();
    await cluster?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('migrated and filled the empty database exactly once', async () => {
    const migrations = await sql.query('select hash, count(*)::int as n from drizzle.__drizzle_migrations group by hash');
    expect(migrations.rows.length).toBeGreaterThan(0);
    expect(migrations.rows.every((r: { n: number }) => r.n === 1)).toBe(true);
    const admins = await sql.query('select count(*)::int as n from "user" where email = $1', [ADMIN.email]);
    expect(admins.rows[0].n).toBe(1);
  });

  it('the dealer on one process, the operator on the other: offer, messages both ways once and in order, a feed resumed on the other process, an application made on one and finished on the other', async () => {
    const { dealer, operator, chatId } = await acceptedChat(one, two, 'Заміна SIM');

    for (let i = 1; i <= 5; i += 1) {
      await dealer.mutate('chat.send', { chatId, clientId: crypto.randomUUID(), text: `дилер ${i}` });
      await operator.mutate('chat.send', { chatId, clientId: crypto.randomUUID(), text: `оператор ${i}` });
    }
    const expected = [1, 2, 3, 4, 5].flatMap((i) => [`дилер ${i}`, `оператор ${i}`]);
    await operator.waitFor(() => operator.messages(chatId).length >= 10, 'ten messages at the operator');
    await dealer.waitFor(() => dealer.messages(chatId).length >= 10, 'ten messages at the dealer');
    expect(operator.messages(chatId).map((m) => m.body)).toEqual(expected);
    expect(dealer.messages(chatId).map((m) => m.body)).toEqual(expected);

    // The dealer's feed moves to the other process and resumes from its last id: what was sent
    // meanwhile arrives once, nothing before it again.
    dealer.closeFeed();
    await operator.mutate('chat.send', { chatId, clientId: crypto.randomUUID(), text: 'поки ви переходили' });
    dealer.use(two.base);
    await dealer.listen();
    await dealer.waitFor(() => dealer.messages(chatId).length >= 11, 'the message sent while away');
    expect(dealer.messages(chatId).map((m) => m.body)).toEqual([...expected, 'поки ви переходили']);

    // An application made on one process, verified, signed and downloaded on the other.
    dealer.use(one.base);
    const { applicationId } = await dealer.mutate<{ applicationId: string }>('application.create', { chatId, templateId: 'tariff-change' });
    await dealer.mutate('application.saveIdentification', { applicationId, party: 'subscriber', values: bookletIdentification() });
    await dealer.mutate('application.complete', { applicationId, formData: TARIFF_FORM });
    const { version } = await operator.mutate<{ version: number }>('application.verify', { applicationId });
    dealer.use(two.base);
    const image = (seed: number) => Buffer.from(scribblePng(360, 120, seed)).toString('base64');
    await dealer.mutate('application.sign', {
      applicationId,
      version,
      signatures: [
        { party: 'subscriber', name: 'Коваленко Марія Іванівна', image: image(1) },
        { party: 'dealer', name: 'Дилер Двох Процесів', image: image(2) },
      ],
    });
    dealer.use(one.base);
    const pdf = await dealer.get(`/api/applications/${applicationId}/pdf`);
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    dealer.closeFeed();
    operator.closeFeed();
  }, 120_000);

  it('a process killed with SIGKILL mid-chat: its clients go on on the survivor, nothing lost or repeated, and its pending offer times out once', async () => {
    const { dealer, operator, chatId } = await acceptedChat(one, one, 'Тариф');
    await dealer.mutate('chat.send', { chatId, clientId: crypto.randomUUID(), text: 'перше' });
    await operator.mutate('chat.send', { chatId, clientId: crypto.randomUUID(), text: 'друге' });

    // A second chat is offered by process one, which then dies before anyone accepts: only one's
    // memory had the timer.
    const second = await dealer.mutate<{ chatId: string }>('chat.start', { topic: 'Роумінг' });
    await operator.waitFor((e) => e.type === 'chat.offered' && e.chatId === second.chatId, 'second offer');
    await operator.waitFor(() => operator.messages(chatId).length >= 2, 'both messages');
    await one.kill();
    dealer.closeFeed();
    operator.closeFeed();

    dealer.use(two.base);
    operator.use(two.base);
    await Promise.all([dealer.listen(), operator.listen()]);
    await dealer.mutate('chat.send', { chatId, clientId: crypto.randomUUID(), text: 'третє' });
    await operator.mutate('chat.send', { chatId, clientId: crypto.randomUUID(), text: 'четверте' });
    await operator.waitFor(() => operator.messages(chatId).length >= 4, 'four messages at the operator');
    await dealer.waitFor(() => dealer.messages(chatId).length >= 4, 'four messages at the dealer');
    expect(operator.messages(chatId).map((m) => m.body)).toEqual(['перше', 'друге', 'третє', 'четверте']);
    expect(dealer.messages(chatId).map((m) => m.body)).toEqual(['перше', 'друге', 'третє', 'четверте']);
    expect(operator.messages(chatId).map((m) => m.seq)).toEqual([...new Set(operator.messages(chatId).map((m) => m.seq))].sort((a, b) => a - b));

    // The survivor expires the dead process's offer from the row, once.
    await operator.waitFor((e) => e.type === 'chat.offerWithdrawn' && e.chatId === second.chatId, 'the offer withdrawn by the survivor', (OFFER_SECONDS + 20) * 1000);
    await new Promise((r) => setTimeout(r, 2000));
    const missed = await sql.query("select count(*)::int as n from chat_offers where chat_id = $1 and outcome = 'missed'", [second.chatId]);
    expect(missed.rows[0].n).toBeGreaterThanOrEqual(1);
    const withdrawnFirst = operator.events.filter((e) => e.type === 'chat.offerWithdrawn' && e.chatId === second.chatId);
    const offers = await sql.query('select operator_id, outcome, offered_at from chat_offers where chat_id = $1 order by offered_at', [second.chatId]);
    // Each offer ended at most once: as many withdrawals as missed offers, never two for one.
    expect(withdrawnFirst.length).toBe(offers.rows.filter((o: { outcome: string }) => o.outcome === 'missed').length);
    dealer.closeFeed();
    operator.closeFeed();
  }, 120_000);
});

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './free-port';

const run = promisify(execFile);

/**
 * A throwaway PostgreSQL for tests: its own cluster in a temporary folder (initdb), listening on
 * 127.0.0.1 on a free port and on a socket in that folder, with `fsync=off`, trust authentication
 * and the superuser `postgres`; stopped and deleted by `stop()`. PostgreSQL 15 as Debian ships it
 * (`postgresql-15`, binaries in /usr/lib/postgresql/15/bin; `PG_BIN` points elsewhere). initdb and
 * postgres refuse to run as root: as root the cluster belongs to the `postgres` system user the
 * package creates, and its commands run through `runuser`.
 */
export interface PostgresCluster {
  /** The superuser's URL of the `postgres` database: `postgres://postgres@127.0.0.1:<port>/postgres`. */
  url: string;
  host: string;
  port: number;
  /** Creates an empty database; returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** The server's main process (the postmaster; each connection is a child of it), e.g. to measure its CPU. */
  serverPid(): number;
  /** Stops the server at once and deletes the cluster. */
  stop(): Promise<void>;
}

export const POSTGRES_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Why no cluster can start here, or null when one can. When `DEALER_DESK_REQUIRE_POSTGRES=1`
 * (CI: `.ci/run`), a missing PostgreSQL is a failure rather than a skip.
 */
export function postgresUnavailable(): string | null {
  let reason: string | null = null;
  if (!fs.existsSync(path.join(POSTGRES_BIN, 'initdb'))) reason = `PostgreSQL 15 is not installed (no ${POSTGRES_BIN}/initdb): apt-get install postgresql-15, or set PG_BIN`;
  else if (isRoot() && !systemUser('postgres')) reason = 'running as root, and there is no `postgres` user to own the cluster';
  if (reason && process.env.DEALER_DESK_REQUIRE_POSTGRES === '1') throw new Error(`${reason} (DEALER_DESK_REQUIRE_POSTGRES=1: PostgreSQL tests are never skipped)`);
  return reason;
}

function systemUser(name: string): { uid: number; gid: number } | null {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${name}:`));
  if (!line) return null;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}


/** Runs a PostgreSQL program as the cluster's owner: this user, or `postgres` when this is root. */
async function pgRun(program: string, args: string[]): Promise<void> {
  const binary = path.join(POSTGRES_BIN, program);
  const [command, commandArgs] = isRoot() ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
  try {
    await run(command, commandArgs, { timeout: 60_000 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${program} ${args.join(' ')} failed: ${stderr || stdout || String(error)}`, { cause: error });
  }
}

/** Runs one statement on the cluster's `postgres` database as the superuser (CREATE/DROP DATABASE cannot run in a transaction). */
async function adminQuery(adminUrl: string, text: (client: pg.Client) => string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text(client));
  } finally {
    await client.end();
  }
}

/** The URL of database `name` on the cluster of `adminUrl`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

/**
 * Creates database `name` as a copy of database `template` (PostgreSQL copies the files: much
 * faster than migrating; default `template1`, an empty database); returns its URL. Nobody may be
 * connected to the template meanwhile.
 */
export async function createDatabaseFrom(adminUrl: string, name: string, template = 'template1'): Promise<string> {
  await adminQuery(adminUrl, (c) => `CREATE DATABASE ${c.escapeIdentifier(name)} TEMPLATE ${c.escapeIdentifier(template)}`);
  return databaseUrl(adminUrl, name);
}

/** Drops database `name`, ending whatever connections are still open to it. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await adminQuery(adminUrl, (c) => `DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`);
}

/** Makes database `name` a template nobody connects to (CREATE DATABASE … TEMPLATE needs it idle). */
export async function freezeTemplate(adminUrl: string, name: string): Promise<void> {
  await adminQuery(adminUrl, (c) => `ALTER DATABASE ${c.escapeIdentifier(name)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
}

export async function startPostgres(): Promise<PostgresCluster> {
  const reason = postgresUnavailable();
  if (reason) throw new Error(reason);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-pg-'));
  const owner = isRoot() ? systemUser('postgres') : null;
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    await pgRun('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync']);
    const host = '127.0.0.1';
    // A port free a moment ago may be taken before the server binds it: try another.
    for (let attempt = 1; ; attempt += 1) {
      const port = await freePort();
      const options = [`-p ${port}`, `-k ${dir}`, `-c listen_addresses=${host}`, '-c max_connections=200', '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'];
      try {
        await pgRun('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-o', options.join(' '), 'start']);
      } catch (error) {
        if (attempt < 3) continue;
        const serverLog = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
        throw new Error(`${(error as Error).message}\n${serverLog}`, { cause: error });
      }
      const url = `postgres://postgres@${host}:${port}/postgres`;
      return {
        url,
        host,
        port,
        async createDatabase(name) {
          await adminQuery(url, (c) => `CREATE DATABASE ${c.escapeIdentifier(name)}`);
          return databaseUrl(url, name);
        },
        serverPid() {
          return Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n', 1)[0]);
        },
        async stop() {
          try {
            await pgRun('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
          } finally {
            remove();
          }
        },
      };
    }
  } catch (error) {
    // A server that started but did not answer in time is stopped too.
    if (fs.existsSync(path.join(data, 'postmaster.pid'))) await pgRun('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    remove();
    throw error;
  }
}

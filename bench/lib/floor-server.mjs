// The bare floor for bench:chat: the smallest correct chat server for the same job, so the app's
// figures can be read as a ratio to it on the same machine in the same run. node:http and
// better-sqlite3 only: POST /send stores the message (one sequence per chat, a retried client id
// stored once), then writes it to every open stream of that chat, then answers. GET /events
// replays what the client missed after its Last-Event-ID and then streams live, both in one
// synchronous step so nothing falls between them. Usage: node floor-server.mjs <port> <db file>
import http from 'node:http';
import Database from 'better-sqlite3';

const [port, file] = process.argv.slice(2);
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`CREATE TABLE IF NOT EXISTS messages (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  chat TEXT NOT NULL, seq INTEGER NOT NULL, author TEXT NOT NULL, client_id TEXT NOT NULL, body TEXT NOT NULL,
  UNIQUE (chat, seq), UNIQUE (chat, client_id))`);

const lastSeq = db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM messages WHERE chat = ?');
const byClient = db.prepare('SELECT id, seq FROM messages WHERE chat = ? AND client_id = ?');
const insert = db.prepare('INSERT INTO messages (chat, seq, author, client_id, body) VALUES (?, ?, ?, ?, ?) RETURNING id');
const store = db.transaction((chat, author, clientId, body) => {
  const existing = byClient.get(chat, clientId);
  if (existing) return { ...existing, duplicate: true };
  const seq = lastSeq.get(chat).seq + 1;
  return { id: insert.get(chat, seq, author, clientId, body).id, seq, duplicate: false };
});
const missed = db.prepare(`SELECT id, chat, seq, author, client_id AS clientId, body FROM messages
  WHERE id > ? AND chat IN (SELECT value FROM json_each(?)) ORDER BY id`);

/** chat id → open streams of that chat. */
const streams = new Map();

function frame(row) {
  return `id: ${row.id}\ndata: ${JSON.stringify({ chatId: row.chat, seq: row.seq, author: row.author, clientId: row.clientId, body: row.body })}\n\n`;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > 64 * 1024) reject(new Error('too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://floor');
  if (req.method === 'POST' && url.pathname === '/send') {
    let input;
    try {
      input = JSON.parse(await readBody(req));
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (typeof input.chatId !== 'string' || typeof input.clientId !== 'string' || typeof input.text !== 'string' || typeof input.author !== 'string') {
      res.writeHead(400).end();
      return;
    }
    const stored = store(input.chatId, input.author, input.clientId, input.text);
    if (!stored.duplicate) {
      const text = frame({ id: stored.id, chat: input.chatId, seq: stored.seq, author: input.author, clientId: input.clientId, body: input.text });
      for (const stream of streams.get(input.chatId) ?? []) stream.write(text);
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: stored.id, seq: stored.seq }));
    return;
  }
  if (req.method === 'GET' && url.pathname === '/events') {
    const chats = (url.searchParams.get('chats') ?? '').split(',').filter(Boolean);
    const after = Number(req.headers['last-event-id'] ?? url.searchParams.get('lastEventId') ?? 0) || 0;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write('retry: 1000\nevent: ready\ndata: {}\n\n');
    for (const row of missed.all(after, JSON.stringify(chats))) res.write(frame(row));
    for (const chat of chats) {
      if (!streams.has(chat)) streams.set(chat, new Set());
      streams.get(chat).add(res);
    }
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    res.on('close', () => {
      clearInterval(ping);
      for (const chat of chats) streams.get(chat)?.delete(res);
    });
    return;
  }
  res.writeHead(404).end();
});
server.listen(Number(port), '127.0.0.1', () => process.send?.('ready'));

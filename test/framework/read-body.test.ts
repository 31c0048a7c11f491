/** How every agency client reads an answer (src/connectors/kit/read-body.ts): UTF-8, capped, the connection released. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import { Pool } from 'undici';
import { readText } from '../../src/connectors/kit/read-body.js';

t.test('declared and undeclared lengths, under and over the cap', async (t) => {
  const server = createServer((req, res) => {
    const [, mode, size] = req.url!.split('/');
    const text = '龙'.repeat(Number(size)); // 3 bytes each in UTF-8
    if (mode === 'declared') {
      res.writeHead(200, { 'content-length': Buffer.byteLength(text) });
      res.end(text);
      return;
    }
    // chunked: no length known in advance, sent in pieces
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    const buf = Buffer.from(text);
    for (let i = 0; i < buf.length; i += 1000) res.write(buf.subarray(i, i + 1000));
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const pool = new Pool(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { connections: 1 });
  t.teardown(async () => { await pool.close(); await new Promise((r) => server.close(r)); });

  const read = async (path: string, limit: number) => readText(await pool.request({ path, method: 'GET' }), limit);
  t.equal(await read('/declared/100', 300), '龙'.repeat(100), 'declared, at the cap exactly');
  t.equal(await read('/declared/101', 300), undefined, 'declared, one character over: refused unread');
  t.equal(await read('/chunked/2000', 6000), '龙'.repeat(2000), 'chunked, at the cap exactly, characters split across chunks');
  t.equal(await read('/chunked/2001', 6000), undefined, 'chunked, over the cap: refused while streaming');
  t.equal(await read('/declared/3', 300), '龙龙龙', 'the single connection was released each time');
});

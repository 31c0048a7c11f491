/**
 * The trivial upstream of the reference aggregators: `GET /item/<n>` answers a small JSON
 * record at once. No signing, no envelope, no XML: what a registry would cost if it cost
 * nothing. Prints its URL as one JSON line on stdout.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const server = createServer((req, res) => {
  const n = req.url?.slice(req.url.lastIndexOf('/') + 1) ?? '0';
  const body = JSON.stringify({ id: n, status: 'ok', name: 'record', address: '山东省青岛市市南区福州南路88号3号楼2单元501户', since: '2019-05-15' });
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 72_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ ready: true, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));

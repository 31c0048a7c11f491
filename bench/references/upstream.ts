/**
 * The trivial upstream of the reference aggregators: `GET /item/<n>` answers a small JSON
 * record at once. No signing, no envelope, no XML: what a registry would cost if it cost
 * nothing. With LATENCY_MS, each answer waits that long first, as the mocks' `--latency-ms`
 * does (the light-load reference). Prints its URL as one JSON line on stdout.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const latencyMs = Number(process.env.LATENCY_MS ?? 0);

const server = createServer((req, res) => {
  if (latencyMs > 0) setTimeout(answer, latencyMs, req, res);
  else answer(req, res);
});

function answer(req: IncomingMessage, res: ServerResponse): void {
  const n = req.url?.slice(req.url.lastIndexOf('/') + 1) ?? '0';
  const body = JSON.stringify({ id: n, status: 'ok', name: 'record', address: '山东省青岛市市南区福州南路88号3号楼2单元501户', since: '2019-05-15' });
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
server.keepAliveTimeout = 72_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ ready: true, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));

/**
 * A registry that is down the hard way, for the bench's "one registry down" scenario: it
 * takes connections and requests and never answers, so every call waits out its timeout
 * until the gateway's breaker opens (a refused connection would fail at once and prove
 * less). Prints its URL as one JSON line on stdout, like the other references.
 */
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

const sockets = new Set<Socket>();
const server = createServer((socket) => {
  sockets.add(socket);
  socket.on('data', () => { /* read, never answered */ });
  socket.on('error', () => { /* the gateway gave up on it */ });
  socket.on('close', () => sockets.delete(socket));
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ ready: true, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`);
});
process.on('SIGTERM', () => {
  for (const socket of sockets) socket.destroy();
  server.close(() => process.exit(0));
});

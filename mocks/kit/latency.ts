/**
 * A registry's own latency, for benchmarks and demos (`npm run mocks -- --latency-ms 20`):
 * every answer leaves the mock `ms` milliseconds after it was ready. Closing does not wait
 * out the latency: the connections of answers still held are closed, as when a registry
 * goes down with requests in flight.
 *
 * A held answer is reachable from its timer alone. Kept in a Map or a list as well (to send
 * them at once on close), some 2.5 MB of held requests and replies survived every
 * young-generation collection of the mock process and were promoted: scavenges of 7-15 ms
 * about every second at 600 answers a second, against 2-4 ms without (the mock's pauses
 * were most of the light-load benchmark's p99).
 */
import type { FastifyInstance } from 'fastify';

export function addLatency(app: FastifyInstance, ms: number | undefined): void {
  if (!ms || ms <= 0) return;
  app.addHook('onSend', (_request, _reply, payload, done) => {
    // Unref'd: a held answer never keeps a closed mock's process alive.
    setTimeout(() => done(null, payload), ms).unref();
  });
  app.addHook('preClose', (done) => {
    app.server.closeAllConnections();
    done();
  });
}

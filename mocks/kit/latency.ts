/**
 * A registry's own latency, for benchmarks and demos (`npm run mocks -- --latency-ms 20`):
 * every answer leaves the mock `ms` milliseconds after it was ready. Answers still held
 * when the mock closes are sent at once, so that closing never waits out the latency.
 */
import type { FastifyInstance } from 'fastify';

export function addLatency(app: FastifyInstance, ms: number | undefined): void {
  if (!ms || ms <= 0) return;
  const held = new Map<NodeJS.Timeout, () => void>();
  app.addHook('onSend', (_request, _reply, payload, done) => {
    const release = () => {
      held.delete(timer);
      done(null, payload);
    };
    const timer = setTimeout(release, ms);
    held.set(timer, release);
  });
  app.addHook('preClose', (done) => {
    for (const [timer, release] of held) {
      clearTimeout(timer);
      release();
    }
    done();
  });
}

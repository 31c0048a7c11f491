/**
 * The floor aggregator: what an aggregator costs at least. Fastify, one undici Pool, and for
 * every `POST /v1/verifications` the same number of upstream calls as a Tongban cold
 * verification makes (UPSTREAM_CALLS), all at once with Promise.all, answered as one JSON.
 * No validation, no cache, no breaker, no signing: the floor, not a competitor.
 */
import Fastify from 'fastify';
import { Pool } from 'undici';

const upstream = process.env.UPSTREAM_URL!;
const calls = Number(process.env.UPSTREAM_CALLS ?? 5);
const pool = new Pool(upstream, { connections: Number(process.env.UPSTREAM_CONNECTIONS ?? 64) });
const app = Fastify({ logger: false, bodyLimit: 65536 });

app.post('/v1/verifications', async (request) => {
  const { reference } = request.body as { reference?: string };
  const results = await Promise.all(Array.from({ length: calls }, async (_, i) => {
    const res = await pool.request({ path: `/item/${i}`, method: 'GET' });
    return res.body.json();
  }));
  return { reference, status: 'complete', results };
});
app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) }).then((url) => {
  process.stdout.write(`${JSON.stringify({ ready: true, url })}\n`);
});
process.on('SIGTERM', () => { void app.close().then(() => pool.close()).then(() => process.exit(0)); });

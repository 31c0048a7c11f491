/**
 * The ceiling of a cache hit: a Fastify route that takes the same JSON body as Tongban,
 * parses it, and answers from an lru-cache an answer of the same bytes as Tongban's cache
 * hit (ANSWER_FILE, one the gateway gave). No validation, no fan-out, no log line: what
 * HTTP, a JSON body and a 3–4 KB answer cost on this machine. Prints its URL as one JSON line.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { LRUCache } from 'lru-cache';

const answer = readFileSync(process.env.ANSWER_FILE!, 'utf8');
const cache = new LRUCache<string, string>({ max: 10_000 });
const app = Fastify({ logger: false, bodyLimit: 65536 });

app.post('/v1/verifications', async (request, reply) => {
  const { subjects } = request.body as { subjects: Array<{ idNumber: string }> };
  const key = subjects.map((s) => s.idNumber).join(',');
  let body = cache.get(key);
  if (body === undefined) {
    body = answer;
    cache.set(key, body);
  }
  return reply.type('application/json; charset=utf-8').send(body);
});
app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) }).then((url) => {
  process.stdout.write(`${JSON.stringify({ ready: true, url })}\n`);
});
process.on('SIGTERM', () => { void app.close().then(() => process.exit(0)); });

/** The framework's limit: a bare Fastify hello route (`GET /`). Prints its URL as one JSON line. */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) }).then((url) => {
  process.stdout.write(`${JSON.stringify({ ready: true, url })}\n`);
});
process.on('SIGTERM', () => { void app.close().then(() => process.exit(0)); });

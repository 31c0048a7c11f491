/**
 * What a team writes without us: Express with its JSON body parser, and axios making the
 * same number of upstream calls as a Tongban cold verification, with Promise.all.
 */
import express from 'express';
import axios from 'axios';

const upstream = process.env.UPSTREAM_URL!;
const calls = Number(process.env.UPSTREAM_CALLS ?? 5);
const app = express();
app.use(express.json({ limit: '64kb' }));

app.post('/v1/verifications', async (req, res) => {
  const { reference } = req.body as { reference?: string };
  const results = await Promise.all(Array.from({ length: calls }, async (_, i) => (await axios.get(`${upstream}/item/${i}`)).data as unknown));
  res.json({ reference, status: 'complete', results });
});
const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.stdout.write(`${JSON.stringify({ ready: true, url: `http://127.0.0.1:${address.port}` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));

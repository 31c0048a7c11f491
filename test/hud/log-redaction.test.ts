/** Even at debug level, the client's log lines hold no ID number, no secret and no token. */
import { Writable } from 'node:stream';
import pino from 'pino';
import t from 'tap';
import { leaseRegistration, saleContract } from '../../connectors/hud/index.js';
import { CREDENTIALS, callThrough, clientFor, population, startHud } from './fixtures/harness.js';

t.test('debug lines are free of personal data and credentials', async (t) => {
  const lines: string[] = [];
  const log = pino({ level: 'debug' }, new Writable({ write(chunk: Buffer, _enc, cb) { lines.push(chunk.toString('utf8')); cb(); } }));
  let clock = Date.parse('2026-09-01T08:00:00Z');
  const { mock } = await startHud(t, { mock: { now: () => clock } });
  const { client, sent } = clientFor(t, mock.url, { log });
  const pop = population();
  const people = [...pop.saleContracts.flatMap((c) => c.buyers), ...pop.leases.flatMap((l) => l.tenants)];
  for (const idNumber of people.slice(0, 6)) {
    await callThrough(client, saleContract, { idNumber });
    await callThrough(client, leaseRegistration, { idNumber });
    clock += 400_000; // every other call meets an expired token: the refresh path logs too
  }
  const text = lines.join('');
  t.ok(lines.length > 0, `${lines.length} debug lines`);
  for (const idNumber of people) t.notOk(text.includes(idNumber), 'no ID number');
  t.notOk(text.includes(CREDENTIALS.clientSecret), 'no client secret');
  for (const token of new Set(sent.map((r) => r.token).filter(Boolean))) t.notOk(text.includes(token!), 'no token');
});

/**
 * The exchange's deterministic timing, counted in polls: pending on the first, running on
 * the second, done from the third; the client submits once and polls until the job is
 * finished, no more; its waits double from pollIntervalMs up to 200 ms.
 */
import t from 'tap';
import { marriage, pollDelays } from '../../connectors/mca/index.js';
import { callThrough, clientFor, expectedMarriage, mcaPopulation, people, startMock } from './fixtures/helpers.js';
import { rawPoll, rawSubmit } from './fixtures/raw.js';

t.test('a job is pending, then running, then done, and stays readable', async (t) => {
  const mock = await startMock(t);
  const { remarried } = people();
  const submitted = await rawSubmit(mock.url, { type: 'marriage', idNumber: remarried });
  t.equal(submitted.status, 202);
  t.match(submitted.body, { jobId: /^[A-Za-z0-9_-]{1,64}$/ });
  const { jobId } = submitted.body as { jobId: string };
  const statuses: string[] = [];
  for (let i = 0; i < 4; i++) {
    const polled = await rawPoll(mock.url, jobId);
    t.equal(polled.status, 200);
    t.equal(polled.body.jobId, jobId);
    statuses.push(polled.body.status);
    if (polled.body.status !== 'done') t.notOk('result' in polled.body, 'no result before done');
  }
  t.same(statuses, ['pending', 'running', 'done', 'done']);
  const done = await rawPoll(mock.url, jobId);
  t.same(done.body.result.records.map((r: { status: string }) => r.status), ['结婚', '离婚'], 'the exchange lists the latest first');
});

t.test('the client submits once and polls exactly until the job is done', async (t) => {
  const mock = await startMock(t);
  const client = clientFor(t, mock.url);
  const { remarried } = people();
  const res = await callThrough(client, marriage, { idNumber: remarried });
  t.same(res, { status: 'found', value: expectedMarriage(mcaPopulation(), remarried) });
  t.same(mock.stats, { submissions: 1, polls: 3 });
});

t.test('a job that finishes on its first poll is read with one poll', async (t) => {
  const mock = await startMock(t, { finishOnPoll: 1 });
  const client = clientFor(t, mock.url);
  const res = await callThrough(client, marriage, { idNumber: people().divorced });
  t.equal(res.status, 'found');
  t.same(mock.stats, { submissions: 1, polls: 1 });
});

t.test('a job that finishes late is followed to its end', async (t) => {
  const mock = await startMock(t, { finishOnPoll: 7 });
  const client = clientFor(t, mock.url);
  const res = await callThrough(client, marriage, { idNumber: people().divorced });
  t.equal(res.status, 'found');
  t.same(mock.stats, { submissions: 1, polls: 7 });
});

t.test('the waits between polls double from the first interval and stop at 200 ms', async (t) => {
  t.same(pollDelays(5, 9), [5, 10, 20, 40, 80, 160, 200, 200, 200]);
  t.same(pollDelays(1, 3), [1, 2, 4]);
  t.same(pollDelays(150, 3), [150, 200, 200]);
  t.equal(pollDelays(5, 50).length, 50, 'one wait per poll, maxPolls of them');
});

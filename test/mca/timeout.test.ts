/**
 * A job that never finishes ends as `timeout` through the gateway's runtime (its deadline
 * aborts the call's signal), never as a hang, and polling stops there; without a deadline,
 * the cap on polls ends the call as a retryable timeout.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import t from 'tap';
import { assistance, marriage } from '../../connectors/mca/index.js';
import { UpstreamError } from '../../src/connectors/types.js';
import { clientFor, noDeadline, people, runtimeFor, startMock } from './fixtures/helpers.js';

t.test('a job still running at the deadline is a timeout, and the polls stop', async (t) => {
  const mock = await startMock(t, { finishOnPoll: Infinity });
  const client = clientFor(t, mock.url, { pollIntervalMs: 5, maxPolls: 1000 });
  const runtime = runtimeFor(t, marriage, client, 300);
  const call = await runtime.call({ idNumber: people().divorced });
  t.same(call.resolution, { status: 'unavailable' });
  t.equal(call.source.status, 'timeout');
  t.match(call.source.message, /no answer within 300 ms/);
  // How far it got before the deadline depends on the machine; that it ended there does not.
  t.ok(mock.stats.submissions <= 1, 'one job at most');
  t.ok(mock.stats.polls < 1000, 'the deadline ended it, not the cap');
  // At most the poll in flight at the deadline may still arrive; then nothing more.
  const atDeadline = mock.stats.polls;
  await sleep(450);
  const settled = mock.stats.polls;
  t.ok(settled <= atDeadline + 1, 'no polling after the deadline');
  await sleep(450);
  t.equal(mock.stats.polls, settled, 'the mock sees no more polls');
});

t.test('the same for assistance', async (t) => {
  const mock = await startMock(t, { finishOnPoll: Infinity });
  const client = clientFor(t, mock.url, { pollIntervalMs: 5, maxPolls: 1000 });
  const call = await runtimeFor(t, assistance, client, 200).call({ idNumber: people().twoEntitlements });
  t.equal(call.source.status, 'timeout');
});

t.test('without a deadline, the cap on polls ends the call: retryable timeout', async (t) => {
  const mock = await startMock(t, { finishOnPoll: Infinity });
  const client = clientFor(t, mock.url, { pollIntervalMs: 1, maxPolls: 4 });
  const err = await marriage.fetch(client, { idNumber: people().divorced }, noDeadline()).then(() => undefined, (e: unknown) => e);
  t.ok(err instanceof UpstreamError);
  if (!(err instanceof UpstreamError)) return;
  t.equal(err.outcome, 'retryable');
  t.equal(err.status, 'timeout');
  t.equal(err.message, 'MCA marriage: job not finished after 4 polls');
  t.same(mock.stats, { submissions: 1, polls: 4 });
});

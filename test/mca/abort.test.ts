/**
 * Polling stops the moment the call is aborted: the mock sees no poll after the abort,
 * whether the signal is the runtime's own (an EventEmitter) or a standard AbortSignal, and
 * the abort surfaces as an error (the runtime turns any error of an aborted call into
 * `timeout`). The wait between polls ends at the abort and leaves no listener behind.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import t from 'tap';
import { marriage, pause } from '../../connectors/mca/index.js';
import { UpstreamError } from '../../src/connectors/types.js';
import { EmitterSignal, clientFor, people, startMock } from './fixtures/helpers.js';

/** Longer than any wait between two polls (200 ms at most): had polling gone on, a poll would have come. */
const LONGER_THAN_A_POLL_INTERVAL_MS = 450;

t.test('aborted at the second poll (runtime-style signal): no poll after it', async (t) => {
  const signal = new EmitterSignal();
  const mock = await startMock(t, { finishOnPoll: Infinity, onPoll: (n) => { if (n === 2) signal.abort(); } });
  const client = clientFor(t, mock.url);
  const err = await marriage.fetch(client, { idNumber: people().divorced }, signal).then(() => undefined, (e: unknown) => e);
  t.ok(err instanceof Error, 'the call fails');
  t.notOk(err instanceof UpstreamError, 'as an abort, not as an answer of the agency');
  t.equal(mock.stats.polls, 2);
  await sleep(LONGER_THAN_A_POLL_INTERVAL_MS);
  t.same(mock.stats, { submissions: 1, polls: 2 }, 'the mock saw no poll after the abort');
  t.equal(signal.listenerCount('abort'), 0, 'no listener left on the signal');
});

t.test('aborted at the third poll (AbortSignal): no poll after it, the reason surfaces', async (t) => {
  const controller = new AbortController();
  const reason = new Error('deadline');
  const mock = await startMock(t, { finishOnPoll: Infinity, onPoll: (n) => { if (n === 3) controller.abort(reason); } });
  const client = clientFor(t, mock.url, { pollIntervalMs: 20 });
  const err = await marriage.fetch(client, { idNumber: people().divorced }, controller.signal).then(() => undefined, (e: unknown) => e);
  t.equal(err, reason, 'the signal\'s reason is what the call fails with');
  await sleep(LONGER_THAN_A_POLL_INTERVAL_MS);
  t.same(mock.stats, { submissions: 1, polls: 3 }, 'the mock saw no poll after the abort');
});

t.test('an already aborted call submits nothing', async (t) => {
  const mock = await startMock(t);
  const client = clientFor(t, mock.url);
  const signal = new EmitterSignal();
  signal.abort();
  await t.rejects(marriage.fetch(client, { idNumber: people().divorced }, signal));
  t.same(mock.stats, { submissions: 0, polls: 0 });
});

t.test('the wait between polls ends at the abort', async (t) => {
  t.test('runtime-style signal', async (t) => {
    const signal = new EmitterSignal();
    const waiting = pause(60_000, signal); // the test would run a minute if the abort did not end it
    t.equal(signal.listenerCount('abort'), 1);
    signal.abort();
    await t.rejects(waiting, { name: 'AbortError', message: 'MCA exchange: call aborted' });
    t.equal(signal.listenerCount('abort'), 0);
  });
  t.test('AbortSignal: rejects with its reason', async (t) => {
    const controller = new AbortController();
    const waiting = pause(60_000, controller.signal);
    const reason = new Error('stop');
    controller.abort(reason);
    await t.rejects(waiting, reason);
  });
  t.test('an already aborted signal: at once', async (t) => {
    const signal = new EmitterSignal();
    signal.abort();
    await t.rejects(pause(60_000, signal), { name: 'AbortError' });
    t.equal(signal.listenerCount('abort'), 0);
  });
  t.test('a wait that ends normally leaves no listener', async (t) => {
    const signal = new EmitterSignal();
    await pause(1, signal);
    t.equal(signal.listenerCount('abort'), 0);
    const controller = new AbortController();
    await pause(1, controller.signal);
    controller.abort(); // nothing listens any more: no late rejection
    t.pass('no listener fired after the wait');
  });
});

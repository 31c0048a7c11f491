/**
 * The `corrupt` fault: the mock writes every date of its answers the way a careless export
 * does (2015年05月20日); the mapped fact breaks its schema and the runtime reports
 * invalid_response, never a plausible wrong fact. A fault aimed at one job type leaves the
 * other alone.
 */
import t from 'tap';
import { assistance, marriage } from '../../connectors/mca/index.js';
import { clientFor, people, runtimeFor, startMock } from './fixtures/helpers.js';
import { rawPoll, rawSubmit } from './fixtures/raw.js';

t.test('corrupt dates are refused as invalid_response', async (t) => {
  const mock = await startMock(t, { finishOnPoll: 1 });
  const client = clientFor(t, mock.url);
  const { remarried, twoEntitlements } = people();

  mock.faults.set({ kind: 'corrupt', interface: 'marriage' });
  const { jobId } = (await rawSubmit(mock.url, { type: 'marriage', idNumber: remarried })).body as { jobId: string };
  const raw = await rawPoll(mock.url, jobId);
  t.match(raw.body.result.records[0].registeredOn, /^\d{4}年\d{2}月\d{2}日$/, 'the answer carries dates that are no ISO dates');

  const broken = await runtimeFor(t, marriage, client).call({ idNumber: remarried });
  t.same(broken.resolution, { status: 'unavailable' });
  t.equal(broken.source.status, 'invalid_response');
  t.match(broken.source.message, /mapped answer breaks its schema: \/registeredOn/);
  t.notOk(broken.source.message!.includes(remarried));
  t.equal((await runtimeFor(t, assistance, client).call({ idNumber: twoEntitlements })).source.status, 'ok', 'assistance is not affected');

  mock.faults.set({ kind: 'corrupt' });
  t.equal((await runtimeFor(t, assistance, client).call({ idNumber: twoEntitlements })).source.status, 'invalid_response', 'a fault on every interface');

  mock.faults.clear();
  t.equal((await runtimeFor(t, marriage, client).call({ idNumber: remarried })).source.status, 'ok', 'cleared: good answers again');
});

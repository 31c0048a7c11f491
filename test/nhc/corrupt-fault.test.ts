/**
 * The mock's `corrupt` fault: the certificate's birth date written as no date the gateway
 * accepts. The client refuses it (invalid_response) instead of passing a wrong fact on.
 */
import t from 'tap';
import { birthCertificate } from '../../connectors/nhc/index.js';
import { corruptNhcAnswer } from '../../mocks/nhc/server.js';
import { UpstreamError } from '../../src/connectors/types.js';
import { BIRTH_PATH, WITH_FATHER, birthBody, callThrough, clientFor, expectedCertificate, rawQuery, startMock } from './fixtures/helpers.js';

t.test('corrupt changes the birth date in the platform’s JSON', async (t) => {
  const answer = JSON.stringify({ code: 0, msg: '成功', data: { certificateNo: 'Q1', birthDate: '2021-03-05', birthOrgName: 'x' } });
  t.equal(corruptNhcAnswer(answer), answer.replace('"2021-03-05"', '"2021.03.05"'));
  const refusal = JSON.stringify({ code: 10404, msg: '未查询到出生医学证明信息', data: null });
  t.equal(corruptNhcAnswer(refusal), refusal, 'an answer without a certificate stays as it is');
});

t.test('with the fault on, the client answers invalid_response; off again, the fact is back', async (t) => {
  const mock = await startMock(t);
  const client = clientFor(t, mock.url);
  const input = { idNumber: WITH_FATHER.childIdNumber };

  mock.faults.set({ kind: 'corrupt', interface: 'birth' });
  const raw = await rawQuery(mock.url, BIRTH_PATH, birthBody(WITH_FATHER.childIdNumber));
  t.equal((raw.json.data as { birthDate: string }).birthDate, WITH_FATHER.birthDate.replace(/-/g, '.'), 'the mock sends the dotted date');

  const err = await callThrough(client, birthCertificate, input).then(() => undefined, (e: unknown) => e);
  if (!(err instanceof UpstreamError)) throw new Error('expected an UpstreamError');
  t.same([err.outcome, err.status], ['fatal', 'invalid_response']);
  t.match(err.message, /\/data\/birthDate/);

  t.throws(() => mock.faults.set({ kind: 'corrupt', interface: 'another-service' }), { name: 'FaultParameterError', parameter: 'interface' }, 'a service the platform does not have cannot be targeted');

  mock.faults.clear();
  t.same(await callThrough(client, birthCertificate, input), { status: 'found', value: expectedCertificate(WITH_FATHER) });
});

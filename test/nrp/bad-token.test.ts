import t from 'tap';
import { propertyByOwner } from '../../connectors/nrp/index.js';
import { PERSON } from './fixtures/index.js';
import { envelope, rawPost, startNrp, upstreamError } from './fixtures/harness.js';

t.test('a wrong token is code 3 (令牌无效), which the client reports as fatal upstream_error', async (t) => {
  const { mock, client } = await startNrp(t, { token: 'not-the-registry-token' });

  const raw = await rawPost(mock.url, envelope(`<Method>QueryByOwner</Method><QLRZJH>${PERSON.oneProperty}</QLRZJH>`, 'not-the-registry-token'));
  t.equal(raw.status, 200, 'the registry answers HTTP 200');
  t.match(raw.text, /<Code>3<\/Code><Message>令牌无效<\/Message><RequestId>test-1<\/RequestId>/);

  const err = await upstreamError(() => propertyByOwner.fetch(client, { idNumber: PERSON.oneProperty }, AbortSignal.timeout(10_000)));
  t.equal(err.outcome, 'fatal');
  t.equal(err.status, 'upstream_error');
  t.match(err.message, /code 3/);
  t.notMatch(err.message, PERSON.oneProperty, 'no ID number in the message');
});

import t from 'tap';
import { PERSON } from './fixtures/index.js';
import { envelope, rawPost, startNrp, upstreamError } from './fixtures/harness.js';

t.test('PageSize above 20 is code 2 (参数错误), which the client reports as fatal invalid_request', async (t) => {
  const { mock, client } = await startNrp(t);

  const raw = await rawPost(mock.url, envelope(`<Method>QueryByOwner</Method><QLRZJH>${PERSON.fiveProperties}</QLRZJH><PageNo>1</PageNo><PageSize>50</PageSize>`));
  t.equal(raw.status, 200);
  t.match(raw.text, /<Code>2<\/Code><Message>参数错误<\/Message>/);

  const err = await upstreamError(() => client.query('QueryByOwner', { QLRZJH: PERSON.fiveProperties, PageNo: 1, PageSize: 50 }));
  t.equal(err.outcome, 'fatal');
  t.equal(err.status, 'invalid_request');
  t.match(err.message, /code 2/);

  const atLimit = await client.query('QueryByOwner', { QLRZJH: PERSON.fiveProperties, PageNo: 1, PageSize: 20 });
  t.equal(atLimit.outcome, 'ok', 'PageSize 20 is allowed');
});

t.test('other bad parameters are code 2 as well', async (t) => {
  const { mock } = await startNrp(t);
  const bodies = [
    `<Method>QueryByOwner</Method><QLRZJH>${PERSON.fiveProperties}</QLRZJH><PageNo>0</PageNo>`,
    `<Method>QueryByOwner</Method><QLRZJH>${PERSON.fiveProperties}</QLRZJH><PageSize>abc</PageSize>`,
    '<Method>QueryByOwner</Method>',
    '<Method>QueryByCertificate</Method><BDCQZH></BDCQZH>',
    `<Method>QueryRestrictions</Method><BDCQZH>${'鲁'.repeat(65)}</BDCQZH>`,
    '<Method>DeleteEverything</Method>',
  ];
  for (const body of bodies) {
    const raw = await rawPost(mock.url, envelope(body));
    t.match(raw.text, /<Code>2<\/Code>/, body);
  }
});

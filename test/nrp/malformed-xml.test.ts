import t from 'tap';
import { propertyCertificate } from '../../connectors/nrp/index.js';
import { CERT } from './fixtures/index.js';
import { envelope, rawPost, startNrp, upstreamError } from './fixtures/harness.js';

t.test('the mock answers HTTP 500 with an HTML page to a body it cannot read', async (t) => {
  const { mock } = await startNrp(t);
  const bodies = {
    'not XML': 'this is not xml',
    'unclosed tag': envelope('<Method>QueryByCertificate</Method>').replace('</Request>', ''),
    'no Body': '<?xml version="1.0" encoding="UTF-8"?><Request><Header><Token>x</Token></Header></Request>',
    'not a Request': '<Query><Method>QueryByOwner</Method></Query>',
    empty: '',
  };
  for (const [what, body] of Object.entries(bodies)) {
    const res = await rawPost(mock.url, body);
    t.equal(res.status, 500, what);
    t.match(res.contentType, /^text\/html/, what);
    t.match(res.text, /<title>500 Internal Server Error<\/title>/, what);
  }
});

t.test('the client classifies that HTML 500 as retryable upstream_error', async (t) => {
  // A proxy that truncates the request on its way: the registry sees malformed XML.
  const { client, sent } = await startNrp(t, { rewrite: (xml) => xml.slice(0, xml.length - 20) });
  const err = await upstreamError(() => propertyCertificate.fetch(client, { certificateNumber: CERT.seized }, AbortSignal.timeout(10_000)));
  t.equal(err.outcome, 'retryable');
  t.equal(err.status, 'upstream_error');
  t.match(err.message, /HTTP 500/);
  t.notMatch(err.message, /<|Internal Server Error|鲁/, 'neither the body nor the certificate number in the message');
  t.equal(sent.length, 1);
});

/**
 * The one body parser (src/plugins/json-body.ts), and the seam a route's own context uses to
 * see a body's text before it is parsed (`useJsonBody(app, beforeParse)`: a request sent
 * again is answered without parsing its body). Over real HTTP: the hook gets the decoded
 * text; when it answers, the body is not parsed (even one that would not parse); when it
 * does not, the body is parsed as before; it never sees a body refused for its charset or
 * its bytes, and routes outside its context keep the plain parser.
 */
import t, { type Test } from 'tap';
import Fastify from 'fastify';
import { request } from 'undici';
import errorsPlugin from '../../src/plugins/errors.js';
import jsonBody, { charsetOf, useJsonBody } from '../../src/plugins/json-body.js';

async function start(t: Test) {
  const seen: string[] = [];
  const app = Fastify({ logger: false });
  await app.register(jsonBody);
  await app.register(errorsPlugin);
  // A route context that answers bodies containing "known" from their text alone.
  await app.register(async (scoped) => {
    useJsonBody(scoped, (_request, text) => {
      seen.push(text);
      return text.includes('known');
    });
    scoped.post('/scoped', async (req) => ({ body: req.body ?? 'not parsed' }));
  });
  app.post('/plain', async (req) => ({ body: req.body }));
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  t.teardown(() => app.close());
  const post = async (path: string, body: string | Buffer, contentType = 'application/json') => {
    const res = await request(`${url}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });
    return { status: res.statusCode, json: (await res.body.json()) as { body?: unknown; error?: { code: string } } };
  };
  return { seen, post };
}

t.test('a route context sees the text first, and may answer without a parsed body', async (t) => {
  const { seen, post } = await start(t);
  const parsed = await post('/scoped', '{"name":"王小明"}');
  t.equal(parsed.status, 200);
  t.same(parsed.json.body, { name: '王小明' }, 'not answered by the hook: parsed as before');
  t.same(seen, ['{"name":"王小明"}'], 'the hook got the decoded text');

  const answered = await post('/scoped', '{"known": not even JSON');
  t.equal(answered.status, 200);
  t.equal(answered.json.body, 'not parsed', 'answered by the hook: the body is left unparsed');

  const malformed = await post('/scoped', '{"name": nope');
  t.equal(malformed.status, 400, 'not answered by the hook: malformed JSON is refused as before');
  t.equal(malformed.json.error?.code, 'TONGBAN_ERR_MALFORMED_JSON');

  const poisoned = await post('/scoped', '{"__proto__":{"admin":true}}');
  t.equal(poisoned.status, 400, 'prototype poisoning refused as before');
  seen.length = 0;

  const gbk = await post('/scoped', Buffer.from([0x7b, 0x22, 0xd5, 0xc5, 0x22, 0x7d]), 'application/json; charset=gbk');
  t.equal(gbk.status, 415, 'another charset: refused before the hook');
  t.equal(gbk.json.error?.code, 'TONGBAN_ERR_UNSUPPORTED_MEDIA_TYPE');
  const notUtf8 = await post('/scoped', Buffer.from([0x7b, 0x22, 0xd5, 0xc5, 0x22, 0x7d]));
  t.equal(notUtf8.status, 400, 'bytes that are not UTF-8: refused before the hook');
  t.equal(notUtf8.json.error?.code, 'TONGBAN_ERR_INVALID_ENCODING');
  const text = await post('/scoped', 'known', 'text/plain');
  t.equal(text.status, 415, 'another media type: no parser, so no hook');
  t.same(seen, [], 'the hook saw none of the refused bodies');
});

t.test('routes outside the context keep the plain parser', async (t) => {
  const { seen, post } = await start(t);
  const plain = await post('/plain', '{"known":true}');
  t.equal(plain.status, 200);
  t.same(plain.json.body, { known: true }, 'parsed, not answered by the other context\'s hook');
  t.same(seen, []);
});

t.test('charsetOf', async (t) => {
  t.equal(charsetOf(undefined), undefined);
  t.equal(charsetOf('application/json'), undefined, 'no parameters');
  t.equal(charsetOf('application/json; charset=utf-8'), 'utf-8');
  t.equal(charsetOf('application/json;charset="GBK"'), '"GBK"', 'quotes are the caller\'s to read');
  t.equal(charsetOf('application/json; boundary=x'), undefined, 'another parameter');
});

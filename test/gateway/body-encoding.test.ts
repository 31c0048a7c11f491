/**
 * Issue 5 §4: the body is JSON in UTF-8 or it is refused. A GBK body is refused before it is
 * decoded (415), GBK bytes sent as UTF-8 are refused as invalid UTF-8 (400), and a text
 * body is an unsupported media type (415): none of them is answered with facts about a
 * garbled name.
 */
import t from 'tap';
import { request } from 'undici';
import { family, startTestGateway } from '../helpers/gateway.js';

t.test('charsets and encodings', async (t) => {
  const gw = await startTestGateway(t);
  const child = family(gw.population, 'house-hukou-match').child!;
  const json = JSON.stringify({
    purpose: 'enrollment.primary',
    subjects: [{ ref: 'child', idNumber: child.idNumber, name: child.name }],
    facts: { child: ['identity'] },
  });
  // The name's place holds GBK bytes (张 is D5 C5): a lead byte followed by a byte that
  // cannot continue a UTF-8 sequence, as for most CJK characters in GBK.
  const gbkName = Buffer.from(Array.from({ length: child.name.length * 2 }, (_, i) => (i % 2 ? 0xc5 : 0xd5)));
  const [before, after] = json.split(child.name) as [string, string];
  const gbkBody = Buffer.concat([Buffer.from(before), gbkName, Buffer.from(after)]);

  const send = async (body: string | Buffer, contentType: string) => {
    const res = await request(`${gw.url}/v1/verifications`, { method: 'POST', headers: { 'content-type': contentType }, body });
    return { status: res.statusCode, body: (await res.body.json()) as any, requestId: res.headers['x-request-id'] };
  };

  for (const ct of ['application/json', 'application/json; charset=utf-8', 'application/json;charset=UTF-8', 'application/json; charset="utf8"']) {
    const ok = await send(json, ct);
    t.equal(ok.status, 200, ct);
    t.equal(ok.body.facts.child.identity.value.nameMatches, true, `${ct}: the name matches`);
  }

  for (const ct of ['application/json; charset=gbk', 'application/json; charset=GB18030', 'application/json; charset=iso-8859-1', 'application/json; charset=utf-16']) {
    const refused = await send(gbkBody, ct);
    t.equal(refused.status, 415, ct);
    t.equal(refused.body.error.code, 'TONGBAN_ERR_UNSUPPORTED_MEDIA_TYPE');
    t.match(refused.body.error.message, /UTF-8/);
    t.equal(refused.body.requestId, refused.requestId);
  }

  for (const ct of ['application/json', 'application/json; charset=utf-8']) {
    const invalid = await send(gbkBody, ct);
    t.equal(invalid.status, 400, `invalid UTF-8 as ${ct}`);
    t.equal(invalid.body.error.code, 'TONGBAN_ERR_INVALID_ENCODING');
  }

  for (const ct of ['text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded', 'application/xml']) {
    const text = await send(json, ct);
    t.equal(text.status, 415, ct);
    t.equal(text.body.error.code, 'TONGBAN_ERR_UNSUPPORTED_MEDIA_TYPE');
  }
});

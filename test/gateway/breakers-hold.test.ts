/**
 * Issue 5 §1: no sequence of client requests, however crafted, changes the breaker state
 * of a connector whose registry is healthy. Every kind of refused input is sent a hundred
 * times, with breakers set to open after three failures; then every breaker is still
 * closed and a family's identity check still answers.
 */
import t from 'tap';
import { request } from 'undici';
import { makeIdNumber } from '../../src/domain/id-number.js';
import { family, startTestGateway } from '../helpers/gateway.js';

t.test('refused inputs, a hundred times each, leave every breaker closed', async (t) => {
  const gw = await startTestGateway(t, { overrides: { connectors: { volumeThreshold: 3, errorThresholdPercentage: 10 } } });
  const child = family(gw.population, 'house-hukou-match').child!;
  const all = ['identity', 'hukou', 'household', 'hukouMoves', 'residencePermit', 'properties'];
  const person = (over: Record<string, unknown>, n: number) => JSON.stringify({
    purpose: 'enrollment.primary',
    subjects: [{ ref: 'child', idNumber: child.idNumber, name: `${child.name}${n}`, ...over }],
    facts: { child: all },
  });
  const gbk = Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xd5, 0xc5, 0xc8, 0xfd, 0x22, 0x7d]); // {"n":"张三"} in GBK

  const kinds: Array<[string, (n: number) => { path?: string; method?: 'GET' | 'POST'; type?: string; body?: string | Buffer }]> = [
    ['a name one character over the limit', (n) => ({ body: person({ name: '张'.repeat(30) + String.fromCharCode(0x4e00 + n) }, n) })],
    ['a name at the limit (accepted, different every time)', (n) => ({ body: person({ name: '张'.repeat(29) + String.fromCharCode(0x4e00 + n) }, n) })],
    ['a name with a C1 control', (n) => ({ body: person({ name: `张\u0085${n}` }, n) })],
    ['a name with a bidirectional override', (n) => ({ body: person({ name: `张\u202e${n}` }, n) })],
    ['a name with a lone surrogate', (n) => ({ body: person({}, n).replace(`"${child.name}${n}"`, `"\\ud800${n}"`) })],
    ['an ID number with a wrong check character', (n) => ({ body: person({ idNumber: child.idNumber.slice(0, 17) + (child.idNumber.endsWith('0') ? '1' : '0') }, n) })],
    ['an unknown person', (n) => ({ body: person({ idNumber: makeIdNumber('370202', '20190101', 901 + 2 * (n % 40)) }, n) })],
    ['an ID number as a facts key', (n) => ({ body: JSON.stringify({ purpose: 'enrollment.primary', subjects: [{ ref: 'child', idNumber: child.idNumber, name: child.name }], facts: { [child.idNumber]: ['hukou'], [`x${n}`]: ['hukou'] } }) })],
    ['a ref named after a built-in', (n) => ({ body: person({ ref: ['constructor', 'toString', 'valueOf', 'hasOwnProperty'][n % 4] }, n).replace('"facts":{"child"', `"facts":{"${['constructor', 'toString', 'valueOf', 'hasOwnProperty'][n % 4]}"`) })],
    ['an unknown field', (n) => ({ body: person({ [`field${n}`]: 1 }, n) })],
    ['a certificate number that is not one', (n) => ({ body: JSON.stringify({ purpose: 'enrollment.primary', subjects: [{ ref: 'home', certificateNumber: `<Record>${n}</Record>&` }], facts: { home: ['properties'] } }) })],
    ['a body in GBK', () => ({ body: gbk, type: 'application/json; charset=gbk' })],
    ['GBK bytes said to be UTF-8', () => ({ body: gbk })],
    ['text/plain', (n) => ({ body: `hello ${n}`, type: 'text/plain' })],
    ['malformed JSON', (n) => ({ body: `{"purpose": ${n}` })],
    ['a badly encoded URL', (n) => ({ path: `/v1/%zz${n}`, method: 'GET' })],
    ['an oversized body', (n) => ({ body: person({ name: 'x'.repeat(70_000 + n) }, n) })],
  ];

  for (const [label, make] of kinds) {
    const statuses = new Set<number>();
    for (let n = 0; n < 100; n++) {
      const r = make(n);
      const res = await request(gw.url + (r.path ?? '/v1/verifications'), {
        method: r.method ?? 'POST',
        headers: r.body === undefined ? {} : { 'content-type': r.type ?? 'application/json' },
        body: r.body,
      });
      await res.body.dump();
      statuses.add(res.statusCode);
    }
    t.ok([...statuses].every((s) => s < 500), `${label}: answered ${[...statuses].join(', ')}`);
  }

  for (const r of gw.gateway.hub.runtimes.values()) t.equal(r.state, 'closed', `${r.id} is closed`);
  const ok = await gw.post('/v1/verifications', JSON.parse(person({ name: child.name }, 0)));
  t.equal(ok.status, 200);
  t.equal(ok.body.facts.child.identity.status, 'found', 'the identity check still answers');
  t.equal(ok.body.status, 'complete');
});

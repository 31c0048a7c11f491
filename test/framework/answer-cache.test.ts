/** Whole answers kept for a request sent again (src/verification/answer-cache.ts): keys, freshness, bounds, the bytes sent. */
import t from 'tap';
import { AnswerCache } from '../../src/verification/answer-cache.js';
import { createSubjectKeyer } from '../../src/subject-key.js';

const keyer = createSubjectKeyer('answer-cache-test-secret-0123456789abcdef');
const DAY = 86_400_000;

function cache(options: { max?: number; maxBytes?: number; clock?: { now: number } } = {}) {
  const clock = options.clock ?? { now: Date.UTC(2026, 8, 1, 12) };
  return { clock, answers: new AnswerCache({ max: options.max ?? 100, maxBytes: options.maxBytes ?? 0, keyer, now: () => clock.now }) };
}

/** An answer as the route serializes it for keeping: the marks where the id and the time go. */
const marked = (a: AnswerCache, facts = '{"child":{"hukou":{"status":"found","value":{"name":"王小明"}}}}') =>
  `{"id":"${a.idMark}","purpose":"enrollment.primary","status":"complete","createdAt":"${a.timeMark}","facts":${facts},"sources":[],"checks":[]}`;

t.test('the key: an HMAC of the day, the asker and the exact body', async (t) => {
  const { clock, answers } = cache();
  const body = '{"subjects":[{"ref":"c","idNumber":"110101201501010012","name":"王小明"}]}';
  const key = answers.key(body);
  t.match(key, /^[A-Za-z0-9_-]{32}$/);
  t.notOk(key.includes('110101') || key.includes('王'), 'nothing of the body in it');
  t.equal(answers.key(body), key, 'the same body, the same key');
  t.not(answers.key(`${body} `), key, 'another byte, another key');
  t.not(answers.key(body, 'client-b'), key, 'another asker, another key');
  clock.now = Date.UTC(2026, 8, 1, 23, 59, 59, 999);
  t.equal(answers.key(body), key, 'all day long');
  clock.now = Date.UTC(2026, 8, 2);
  t.not(answers.key(body), key, 'a new UTC day (what a birth date may be moves with it): another key');
  const other = new AnswerCache({ max: 1, maxBytes: 0, keyer: createSubjectKeyer('another-deployment-secret-0123456789abcdef'), now: () => clock.now });
  t.not(other.key(body), answers.key(body), 'another deployment\'s secret, another key');
});

t.test('kept until its sources expire, and only then', async (t) => {
  const { clock, answers } = cache();
  const key = answers.key('{}');
  t.equal(answers.get(key), undefined);
  t.ok(answers.put(key, marked(answers), { outcome: 'complete' }, clock.now + 60_000));
  t.ok(answers.get(key));
  clock.now += 59_999;
  t.ok(answers.get(key), 'fresh a millisecond before');
  clock.now += 1;
  t.equal(answers.get(key), undefined, 'gone when the first source expires');
  t.equal(answers.put(key, marked(answers), {}, clock.now), undefined, 'an answer already expired is not kept');
});

t.test('the bytes sent: the kept answer with this request\'s id and time, in UTF-8', async (t) => {
  const { clock, answers } = cache();
  const key = answers.key('{}');
  const stored = answers.put(key, marked(answers), { outcome: 'complete', sources: 0 }, clock.now + DAY)!;
  const id = '0f8b7c1e-2d3a-4b5c-8d9e-0a1b2c3d4e5f';
  const at = '2026-09-01T12:00:00.123Z';
  const sent = answers.replay(stored, id, at);
  t.ok(Buffer.isBuffer(sent));
  t.same(JSON.parse(sent.toString('utf8')), JSON.parse(marked(answers).replace(answers.idMark, id).replace(answers.timeMark, at)));
  t.equal(JSON.parse(sent.toString('utf8')).facts.child.hukou.value.name, '王小明', 'non-ASCII text intact');
  t.same(stored.logFields, { outcome: 'complete', sources: 0 });
  t.equal(stored.bytes.buffer.byteLength, stored.bytes.length, 'in memory of its own, not a slice of the shared pool');
  const again = answers.replay(stored, 'another-id', at).toString('utf8');
  t.match(again, /^\{"id":"another-id"/, 'each replay its own id');
});

t.test('an answer without both marks exactly once, in order, is not kept', async (t) => {
  const { clock, answers } = cache();
  const key = answers.key('{}');
  const until = clock.now + DAY;
  t.equal(answers.put(key, '{"id":"x","createdAt":"y"}', {}, until), undefined, 'no marks');
  t.equal(answers.put(key, `{"id":"${answers.idMark}","reference":"${answers.idMark}","createdAt":"${answers.timeMark}"}`, {}, until), undefined, 'the id mark twice');
  t.equal(answers.put(key, `{"createdAt":"${answers.timeMark}","id":"${answers.idMark}"}`, {}, until), undefined, 'out of order');
  t.equal(answers.size, 0);
  t.not(new AnswerCache({ max: 1, maxBytes: 0, keyer }).idMark, answers.idMark, 'marks differ between processes');
});

t.test('bounded by count and by bytes, the least recently used going first', async (t) => {
  const byCount = cache({ max: 2 });
  const a = byCount.answers;
  const until = byCount.clock.now + DAY;
  const [k1, k2, k3] = ['1', '2', '3'].map((b) => a.key(b));
  a.put(k1!, marked(a), {}, until);
  a.put(k2!, marked(a), {}, until);
  a.get(k1!);
  a.put(k3!, marked(a), {}, until);
  t.equal(a.size, 2);
  t.ok(a.get(k1!) && a.get(k3!), 'the one used last stays');
  t.equal(a.get(k2!), undefined, 'the least recently used went');

  const big = `{"x":"${'长'.repeat(2000)}"}`; // 6 000 bytes of UTF-8
  const byBytes = cache({ maxBytes: 20_000 });
  const b = byBytes.answers;
  for (let i = 0; i < 6; i++) b.put(b.key(String(i)), marked(b, big), {}, byBytes.clock.now + DAY);
  t.ok(b.bytes <= 20_000 && b.bytes > 6_000, `${b.bytes} bytes held within 20 000`);
  t.ok(b.size >= 2 && b.size < 6, `${b.size} answers kept`);
  t.ok(b.get(b.key('5')), 'the newest kept');
  t.equal(b.get(b.key('0')), undefined, 'the oldest gone');
  t.equal(b.put(b.key('huge'), marked(b, `{"x":"${'长'.repeat(8000)}"}`), {}, byBytes.clock.now + DAY), undefined, 'one larger than the whole bound is not kept');
});

t.test('worth keeping only when asked before, among the last 2 × max keys', async (t) => {
  const { answers } = cache({ max: 2 });
  const [a, b, c, d, e] = ['a', 'b', 'c', 'd', 'e'].map((x) => answers.key(x));
  t.equal(answers.askedBefore(a!), false, 'the first time');
  t.equal(answers.askedBefore(a!), true, 'the second time');
  t.equal(answers.askedBefore(a!), true, 'and after');
  for (const k of [b, c, d, e]) answers.askedBefore(k!);
  t.equal(answers.askedBefore(a!), false, 'forgotten after four other keys');
  t.equal(answers.askedBefore(e!), true);
});

t.test('max 0 keeps nothing', async (t) => {
  const { clock, answers } = cache({ max: 0 });
  const key = answers.key('{}');
  t.equal(answers.askedBefore(key), false);
  t.equal(answers.askedBefore(key), false, 'not even the keys asked');
  t.equal(answers.put(key, marked(answers), {}, clock.now + DAY), undefined);
  t.equal(answers.get(key), undefined);
});

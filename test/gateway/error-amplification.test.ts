/**
 * Issue 5 §6: a small body cannot buy a large answer or a large log line. A body far past
 * the request's bounds is refused with one detail per bound; any error returns at most 20
 * details and says how many more there were; the log line carries the count, not the list.
 */
import t from 'tap';
import { startTestGateway } from '../helpers/gateway.js';

t.test('a 64 KiB body of tiny subjects, keys and fact names', async (t) => {
  const gw = await startTestGateway(t);
  const fill = (make: (i: number) => string) => {
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 63_000; i++) { const p = make(i); parts.push(p); size += p.length + 1; }
    return parts.join(',');
  };
  const bodies = {
    subjects: `{"purpose":"enrollment.primary","subjects":[${fill(() => '{}')}],"facts":{"a":["hukou"]}}`,
    subjectFields: `{"purpose":"enrollment.primary","subjects":[{${fill((i) => `"f${i}":1`)}}],"facts":{"a":["hukou"]}}`,
    topFields: `{${fill((i) => `"f${i}":1`)}}`,
    factKeys: `{"purpose":"enrollment.primary","subjects":[{"ref":"a","idNumber":"1","name":"x"}],"facts":{${fill((i) => `"k${i}":[]`)}}}`,
    factNames: `{"purpose":"enrollment.primary","subjects":[{"ref":"a","idNumber":"1","name":"x"}],"facts":{"a":[${fill(() => '"x"')}]}}`,
  };
  for (const [label, body] of Object.entries(bodies)) {
    t.ok(body.length > 60_000 && body.length < 65_536, `${label}: ${body.length} bytes`);
    const before = gw.logText().length;
    const res = await gw.post('/v1/verifications', body);
    t.equal(res.status, 400, label);
    t.equal(res.body.error.code, 'TONGBAN_ERR_VALIDATION');
    t.ok(res.body.error.details.length <= 3, `${label}: ${res.body.error.details.length} details: ${JSON.stringify(res.body.error.details)}`);
    t.ok(JSON.stringify(res.body).length < 2048, `${label}: a small answer`);
    const logged = gw.logText().slice(before);
    t.ok(logged.length < 2048, `${label}: ${logged.length} bytes of log`);
    const refused = gw.logs().filter((l) => l.msg === 'request refused').at(-1)!;
    t.equal(refused.details, res.body.error.details.length, 'the log counts the details');
  }
});

t.test('within the bounds, at most 20 details, and a count of the rest', async (t) => {
  const gw = await startTestGateway(t);
  const subjects = Array.from({ length: 16 }, (_, i) => ({ ref: `P${i}`, idNumber: i, name: '', certificateNumber: 7 }));
  const res = await gw.post('/v1/verifications', { purpose: 'Enrollment', reference: '', subjects, facts: { a: ['nope'] } });
  t.equal(res.status, 400);
  t.equal(res.body.error.details.length, 20);
  t.ok(res.body.error.detailsOmitted > 20, `${res.body.error.detailsOmitted} more not listed`);
  const refused = gw.logs().filter((l) => l.msg === 'request refused').at(-1)!;
  t.equal(refused.details, 20 + res.body.error.detailsOmitted, 'the log has the full count');
  t.notOk('detailsList' in refused || Array.isArray(refused.details), 'and not the list');
});

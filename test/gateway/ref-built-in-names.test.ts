/**
 * Issue 5 §2: a subject ref is a client-chosen key. Named `constructor`, `toString`,
 * `valueOf` or `hasOwnProperty`, it is answered like any other ref, and nothing is written
 * onto the process's built-in objects.
 */
import t from 'tap';
import { family, startTestGateway } from '../helpers/gateway.js';

const BUILT_INS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString'];

t.test('refs named after built-ins get their facts, and the process is untouched', async (t) => {
  const gw = await startTestGateway(t);
  const fam = family(gw.population, 'house-hukou-match');
  const people = [fam.child!, fam.father!, fam.mother!];
  for (let i = 0; i < BUILT_INS.length; i++) {
    const ref = BUILT_INS[i]!;
    const p = people[i % people.length]!;
    const res = await gw.post('/v1/verifications', {
      purpose: 'enrollment.primary',
      subjects: [{ ref, idNumber: p.idNumber, name: p.name }, { ref: 'other', idNumber: people[(i + 1) % 3]!.idNumber, name: people[(i + 1) % 3]!.name }],
      facts: { [ref]: ['identity', 'hukou'], other: ['identity'] },
    });
    t.equal(res.status, 200, ref);
    t.equal(res.body.status, 'complete', `${ref}: complete`);
    t.same(Object.keys(res.body.facts), [ref, 'other'], `${ref}: facts keyed by both refs, in request order`);
    t.equal(res.body.facts[ref].identity.status, 'found', `${ref}: identity found`);
    t.equal(res.body.facts[ref].identity.value.nameMatches, true);
    t.equal(res.body.facts[ref].hukou.status, 'found', `${ref}: hukou found`);
    t.same(res.body.sources.find((s: { connector: string; subjects: string[] }) => s.connector === 'psb.hukou-person').subjects, [ref]);
  }
  const protos: object[] = [Object, Object.prototype, Function.prototype, Array.prototype, String.prototype];
  for (const proto of protos) {
    for (const key of ['identity', 'hukou']) t.notOk(Object.hasOwn(proto, key), `nothing named ${key} was written onto a built-in`);
  }
  t.equal(({} as Record<string, unknown>).identity, undefined);
});

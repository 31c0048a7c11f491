/**
 * End to end through the gateway: a verification per example family of the divorced-parents
 * and low-income scenarios, asking every MCA fact about every member, answers what the
 * population records, with provenance from the MCA mock; nothing personal in the logs.
 */
import t from 'tap';
import { expectedAssistance, expectedMarriage, mcaPopulation } from './fixtures/helpers.js';
import { startMcaGateway } from './fixtures/gateway.js';

t.test('every MCA fact about scenario families equals the population', async (t) => {
  const population = mcaPopulation();
  const gw = await startMcaGateway(t, population);
  const examples = population.scenarios.filter((s) => s.family === 'divorced-parents' || s.family === 'low-income');
  t.ok(examples.length >= 2);

  for (const [n, example] of examples.entries()) {
    const members = example.members;
    const res = await gw.post('/v1/verifications', {
      purpose: 'enrollment.primary',
      reference: `QD2026-MCA-${String(n).padStart(6, '0')}`,
      subjects: members.map((m) => ({ ref: m.ref, idNumber: m.idNumber, name: m.name })),
      facts: Object.fromEntries(members.map((m) => [m.ref, ['marriage', 'assistance']])),
    });
    t.equal(res.status, 200, JSON.stringify(res.body).slice(0, 300));
    t.equal(res.body.status, 'complete', `${example.family} #${n}`);

    for (const m of members) {
      for (const [fact, expected] of [
        ['marriage', expectedMarriage(population, m.idNumber)],
        ['assistance', expectedAssistance(population, m.idNumber)],
      ] as const) {
        const answer = res.body.facts[m.ref][fact];
        const what = `${example.family} #${n} ${m.ref} ${fact}`;
        if (expected === undefined) {
          t.equal(answer.status, 'not_found', `${what}: none on record`);
        } else {
          t.equal(answer.status, 'found', what);
          t.same(answer.value, expected, `${what} equals the population`);
        }
        t.same(answer.provenance.map((p: { connector: string; agency: string }) => [p.connector, p.agency]), [[`mca.${fact}`, 'mca']]);
      }
      // What the scenarios promise, so that the comparison above is not all not_found.
      if (example.family === 'divorced-parents' && m.ref !== 'child') t.equal(res.body.facts[m.ref].marriage.value?.history[0].status, 'divorced', `${m.ref} was divorced`);
      if (example.family === 'low-income') t.equal(res.body.facts[m.ref].assistance.status, 'found', `${m.ref} is assisted`);
    }
    for (const s of res.body.sources) t.ok(['ok', 'not_found'].includes(s.status), `${s.connector} ${s.status}`);
    for (const spouse of population.marriages.flatMap((x) => x.spouses)) {
      if (!members.some((m) => m.idNumber === spouse)) t.notOk(JSON.stringify(res.body.facts).includes(spouse), 'no spouse number in clear');
    }
  }

  const logs = gw.logText();
  for (const example of examples) for (const m of example.members) t.notOk(logs.includes(m.idNumber), 'no ID number in the logs');
});

import t from 'tap';
import { generatePopulation } from '../../mocks/population/generator.js';
import { validatePopulation } from '../../mocks/population/load.js';
import type { Population } from '../../schemas/population.js';

const base = generatePopulation({ seed: 21, households: 20, asOf: '2026-09-01' });

function problemsAfter(change: (p: Population) => void): string[] {
  const copy = structuredClone(base);
  change(copy);
  return validatePopulation(copy);
}

t.test('dangling references are reported by JSON path, without the values', async (t) => {
  const ghost = '11010519491231002X'; // valid, but nobody in the population
  const cases: [string, (p: Population) => void, string][] = [
    ['household member', (p) => { p.households[0]!.members[0]!.idNumber = ghost; }, '/households/0/members/0/idNumber: refers to no person'],
    ['property owner', (p) => { p.properties[1]!.owners[0]!.idNumber = ghost; }, '/properties/1/owners/0/idNumber: refers to no person'],
    ['lease landlord', (p) => { p.leases[0]!.landlordIdNumber = ghost; }, '/leases/0/landlordIdNumber: refers to no person'],
    ['insurance employer', (p) => { p.insurance[0]!.periods[0]!.employerCreditCode = '91350100M000100Y43'; }, '/insurance/0/periods/0/employerCreditCode: refers to no enterprise'],
    ['developer', (p) => { p.saleContracts[0]!.developerCreditCode = '91350100M000100Y43'; }, '/saleContracts/0/developerCreditCode: refers to no enterprise'],
    ['school', (p) => { p.students[0]!.schoolCode = 'nowhere'; }, '/students/0/schoolCode: no school zone has this code'],
    ['birth mother', (p) => { p.births[0]!.motherIdNumber = ghost; }, '/births/0/motherIdNumber: refers to no person'],
    ['marriage', (p) => { p.marriages[0]!.spouses[1] = ghost; }, '/marriages/0/spouses/1: refers to no person'],
    ['scenario member', (p) => { p.scenarios[0]!.members[0]!.idNumber = ghost; }, '/scenarios/0/members/0/idNumber: refers to no person'],
    ['scenario school', (p) => { p.scenarios[0]!.schoolCode = '1370299199'; }, '/scenarios/0/schoolCode: no school zone has this code'],
  ];
  for (const [what, change, expected] of cases) {
    const problems = problemsAfter(change);
    t.ok(problems.includes(expected), `${what}: ${expected}`);
    t.notOk(problems.some((m) => m.includes(ghost) || m.includes('91350100M000100Y43')), `${what}: no value quoted`);
  }
});

t.test('duplicates, double membership, bad shares and known unknown persons are reported', async (t) => {
  t.ok(problemsAfter((p) => { p.persons.push({ ...p.persons[0]! }); }).includes(`/persons/${base.persons.length}/idNumber: duplicates /persons/0/idNumber`));
  t.ok(problemsAfter((p) => { p.households[1]!.members.push({ ...p.households[0]!.members[0]! }); })
    .some((m) => m.startsWith(`/households/1/members/${base.households[1]!.members.length}/idNumber: person is already a member`)));
  const shares = base.properties.findIndex((p) => p.coOwnership === 'joint');
  t.ok(problemsAfter((p) => { p.properties[shares]!.coOwnership = 'shares'; }).includes(`/properties/${shares}/owners: shares must give every owner a sharePercent, adding up to 100`));
  const unknown = base.scenarios.findIndex((s) => s.family === 'unknown-person');
  t.ok(problemsAfter((p) => { p.scenarios[unknown]!.members[0]!.idNumber = p.persons[0]!.idNumber; })
    .includes(`/scenarios/${unknown}/members/0/idNumber: an unknown person must not be in /persons`));
  const gender = problemsAfter((p) => { p.persons[2]!.gender = p.persons[2]!.gender === 'male' ? 'female' : 'male'; });
  t.ok(gender.includes('/persons/2/gender: does not match the sequence digit of the ID number'));
  const schema = validatePopulation({ schemaVersion: 2 });
  t.ok(schema.includes("/: missing required property 'seed'") && schema.includes('/schemaVersion: must be equal to constant'), 'schema errors by path');
});

/**
 * Each scenario family draws from a stream of its own and is built after the families
 * registered before it (mocks/population/generator.ts): registering one more family changes
 * no person, number or record of anyone built before it. Only the ordinary families built
 * after the scenario families, which make up the requested size, are fewer. Proved with a
 * throwaway family registered by this test only, generating with and without it.
 */
import t from 'tap';
import { DEFAULT_AS_OF, DEFAULT_SEED, generatePopulation, type GenerateOptions } from '../../mocks/population/generator.js';
import { addMonths, addYears } from '../../mocks/population/dates.js';
import { employLong, soleTrader } from '../../mocks/population/families.js';
import { registerFamily, registeredFamilies, type FamilyDefinition } from '../../mocks/population/scenarios/index.js';
import { childAndParents, migrantFamily } from '../../mocks/population/scenarios/shared.js';
import type { Population, ScenarioFamily } from '../../schemas/population.js';

const THROWAWAY = 'throwaway' as ScenarioFamily;

/** What the throwaway family made in the last population generated with it. */
let made = { persons: new Set<string>(), households: 0, firstPerson: -1 };

/**
 * A migrant family that runs a shop and bought a new flat: it draws addresses, ID numbers,
 * household numbers, certificates, leases, permits, credit codes, contracts and names, and
 * takes landlords from a pool, so that it would disturb anyone sharing anything with it.
 */
const throwaway: FamilyDefinition = {
  name: THROWAWAY,
  description: 'A test-only family.',
  build(b) {
    const persons = b.people.persons.length;
    const households = b.people.households.length;
    if (made.firstPerson < 0) made.firstPerson = persons;
    const f = migrantFamily(b);
    employLong(b, f.father, 12);
    soleTrader(b, f.mother, f.district, b.between(addYears(b.asOf, -6), addYears(b.asOf, -2)));
    const flat = b.places.address(f.district, 'flat');
    b.property.saleContract({ buyers: [f.father, f.mother], address: flat, filedOn: b.between(addYears(b.asOf, -2), addMonths(b.asOf, -1)), developer: b.work.developer() });
    b.property.register({ address: b.places.address(b.places.district(), 'parking'), use: 'parking', owners: [f.father], registeredOn: b.between(addYears(b.asOf, -3), b.asOf) });
    b.civil.assist(f.child, 'minimum_living', addYears(b.asOf, -1), addMonths(b.asOf, 6));
    for (const p of b.people.persons.slice(persons)) made.persons.add(p.idNumber);
    made.households += b.people.households.length - households;
    return { description: 'A throwaway family.', members: childAndParents(f) };
  },
};

function withThrowaway(opts: GenerateOptions): Population {
  made = { persons: new Set(), households: 0, firstPerson: -1 };
  const unregister = registerFamily(throwaway);
  try {
    return generatePopulation(opts);
  } finally {
    unregister();
  }
}

/** Every record of the population that is not about a person in `ids` (nor a scenario of `family`). */
function outside(pop: Population, ids: ReadonlySet<string>, family: ScenarioFamily): Population {
  const none = (list: readonly (string | null)[]) => !list.some((id) => id !== null && ids.has(id));
  return {
    ...pop,
    persons: pop.persons.filter((p) => none([p.idNumber])),
    households: pop.households.filter((h) => none(h.members.map((m) => m.idNumber))),
    hukouMoves: pop.hukouMoves.filter((m) => none([m.idNumber])),
    residencePermits: pop.residencePermits.filter((r) => none([r.idNumber])),
    properties: pop.properties.filter((p) => none(p.owners.map((o) => o.idNumber))),
    saleContracts: pop.saleContracts.filter((c) => none(c.buyers)),
    leases: pop.leases.filter((l) => none([...l.tenants, l.landlordIdNumber])),
    insurance: pop.insurance.filter((r) => none([r.idNumber])),
    employment: pop.employment.filter((e) => none([e.idNumber])),
    enterprises: pop.enterprises.filter((e) => none([e.legalRepresentativeIdNumber])),
    marriages: pop.marriages.filter((m) => none(m.spouses)),
    assistance: pop.assistance.filter((a) => none([a.idNumber])),
    births: pop.births.filter((b) => none([b.childIdNumber, b.motherIdNumber, b.fatherIdNumber])),
    students: pop.students.filter((s) => none([s.idNumber])),
    scenarios: pop.scenarios.filter((s) => s.family !== family),
  };
}

/** Lists that differ, with the first differing index: [] when the populations are the same. */
function differences(a: Partial<Population>, b: Partial<Population>): string[] {
  const out: string[] = [];
  for (const key of Object.keys(b) as (keyof Population)[]) {
    const x = a[key];
    const y = b[key];
    if (!Array.isArray(x) || !Array.isArray(y)) {
      if (JSON.stringify(x) !== JSON.stringify(y)) out.push(key);
      continue;
    }
    const n = Math.max(x.length, y.length);
    for (let i = 0; i < n; i++) {
      if (JSON.stringify(x[i]) !== JSON.stringify(y[i])) {
        out.push(`${key}[${i}] (${x.length} vs ${y.length})`);
        break;
      }
    }
  }
  return out;
}

t.test('in a tiny population (scenario families only), nothing outside the new family changes', async (t) => {
  const opts = { seed: 7, households: 20, asOf: '2025-03-15' };
  const before = generatePopulation(opts);
  const after = withThrowaway(opts);
  t.equal(after.scenarios.filter((s) => s.family === THROWAWAY).length, 3, 'the new family is built like the others');
  t.ok(made.persons.size >= 9 && made.households >= 3, `it made ${made.persons.size} persons, ${made.households} households`);
  t.same(differences(outside(after, made.persons, THROWAWAY), before), []);
});

t.test('at the default size, nothing built before the new family changes', async (t) => {
  const opts = { seed: DEFAULT_SEED, asOf: DEFAULT_AS_OF };
  const before = generatePopulation(opts);
  const after = withThrowaway(opts);
  t.equal(after.households.length, before.households.length, 'the population keeps its size');
  t.equal(after.scenarios.filter((s) => s.family === THROWAWAY).length, 5);
  t.same(outside(after, made.persons, THROWAWAY).scenarios, before.scenarios, 'every other scenario family (the README example included)');
  // Built before it: the employers, the first ordinary families and every other scenario
  // family. After it come the ordinary families that fill the room left: fewer of them.
  const earlier = new Set(after.persons.slice(0, made.firstPerson).map((p) => p.idNumber));
  t.ok(earlier.size > after.persons.length / 2, `${earlier.size} of ${after.persons.length} persons came before it`);
  const members = before.scenarios.filter((s) => s.family !== 'unknown-person').flatMap((s) => s.members.map((m) => m.idNumber));
  t.ok(members.every((id) => earlier.has(id)), 'every member of another scenario family among them');
  t.same(differences(about(after, earlier), about(before, earlier)), [], 'every record about them is the same');
  t.ok(made.households > 0, `it took ${made.households} households from the ordinary families built after it`);
});

t.test('a family that draws differently changes no other family', async (t) => {
  // Adding a family at the end shows little of the streams: nothing before it could change
  // anyway. Here the first family built draws one number more at the start of each example.
  // (Another family would change only by drawing a number this one took: a rare redraw.)
  const opts = { seed: DEFAULT_SEED, asOf: DEFAULT_AS_OF };
  const before = generatePopulation(opts);
  const first = registeredFamilies()[0]!;
  const build = first.build;
  first.build = (b) => {
    b.rng.next();
    return build(b);
  };
  let after: Population;
  try {
    after = generatePopulation(opts);
  } finally {
    first.build = build;
  }
  const others = (pop: Population) => pop.scenarios.filter((s) => s.family !== first.name);
  t.notSame(after.scenarios.filter((s) => s.family === first.name), before.scenarios.filter((s) => s.family === first.name), `${first.name} changed`);
  t.same(others(after), others(before), 'the other families did not');
  const members = new Set(others(before).flatMap((s) => s.members.map((m) => m.idNumber)));
  t.same(differences(about(after, members), about(before, members)), [], 'nor any record about their members');
});

/**
 * Every record about the persons in `ids`; of a household, only their own membership (a
 * collective household takes members from any family).
 */
function about(pop: Population, ids: ReadonlySet<string>): Partial<Population> {
  const any = (list: readonly (string | null)[]) => list.some((id) => id !== null && ids.has(id));
  return {
    persons: pop.persons.filter((p) => ids.has(p.idNumber)),
    households: pop.households.filter((h) => any(h.members.map((m) => m.idNumber)))
      .map((h) => ({ ...h, members: h.members.filter((m) => ids.has(m.idNumber)) })),
    hukouMoves: pop.hukouMoves.filter((m) => ids.has(m.idNumber)),
    residencePermits: pop.residencePermits.filter((r) => ids.has(r.idNumber)),
    properties: pop.properties.filter((p) => any(p.owners.map((o) => o.idNumber))),
    saleContracts: pop.saleContracts.filter((c) => any(c.buyers)),
    leases: pop.leases.filter((l) => any([...l.tenants, l.landlordIdNumber])),
    insurance: pop.insurance.filter((r) => ids.has(r.idNumber)),
    employment: pop.employment.filter((e) => ids.has(e.idNumber)),
    enterprises: pop.enterprises.filter((e) => ids.has(e.legalRepresentativeIdNumber)),
    marriages: pop.marriages.filter((m) => any(m.spouses)),
    assistance: pop.assistance.filter((a) => ids.has(a.idNumber)),
    births: pop.births.filter((b) => any([b.childIdNumber, b.motherIdNumber, b.fatherIdNumber])),
    students: pop.students.filter((s) => ids.has(s.idNumber)),
    schoolZones: pop.schoolZones,
  };
}

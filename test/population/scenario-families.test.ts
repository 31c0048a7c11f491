/**
 * Every scenario family holds its definition (DESIGN.md §5), in every sample population.
 * One subtest per family.
 */
import t from 'tap';
import { asOfDate, continuousMonths, covers, householdOf, married, memberOf, movesOf, person, propertiesOf, propertiesOfAny, ref, samePlace, samples, scenariosOf } from './fixtures/populations.js';
import { addMonths, addYears, ageOn } from '../../mocks/population/dates.js';
import { assertRentingMigrant } from './fixtures/migrants.js';
import { parseIdNumber } from '../../src/domain/id-number.js';

// --- scenario-contract-no-certificate
t.test("contract-no-certificate: no certificate in the family, a filed purchase contract, the family's hukou at the contract flat", async (t) => {
  for (const { label, pop } of samples()) {
    for (const s of scenariosOf(pop, 'contract-no-certificate')) {
      const [child, father, mother] = [ref(s, 'child'), ref(s, 'father'), ref(s, 'mother')];
      t.same(propertiesOfAny(pop, [child, father, mother]), [], `${label}: nobody in the family holds a certificate`);
      const h = householdOf(pop, child)!;
      t.ok([father, mother].every((p) => memberOf(h, p)), `${label}: the parents in the child's household`);
      const contracts = pop.saleContracts.filter((c) => c.status === 'filed' && c.buyers.some((b) => b === father || b === mother));
      t.equal(contracts.length, 1, `${label}: a filed contract`);
      const c = contracts[0]!;
      t.ok(c.buyers.every((b) => b === father || b === mother), `${label}: the buyers are the parents`);
      t.ok(samePlace(c.address, h.address), `${label}: the hukou address is the contract flat`);
      t.notOk(pop.properties.some((p) => samePlace(p.address, c.address)), `${label}: no certificate for the flat`);
      t.ok(c.filedOn < memberOf(h, child)!.since, `${label}: filed before the hukou moved in`);
      const developer = pop.enterprises.find((e) => e.creditCode === c.developerCreditCode);
      t.match(developer?.name, /置业|房地产/, `${label}: a real-estate developer`);
    }
  }
});

// --- scenario-divorced-parents
t.test("divorced-parents: the marriage is dissolved and the child's hukou is with one parent", async (t) => {
  for (const { label, pop } of samples()) {
    for (const s of scenariosOf(pop, 'divorced-parents')) {
      const [child, father, mother] = [ref(s, 'child'), ref(s, 'father'), ref(s, 'mother')];
      const m = married(pop, father, mother)!;
      t.equal(m.status, 'divorced', `${label}: divorced`);
      t.ok(m.divorcedOn !== null && m.registeredOn < m.divorcedOn && m.divorcedOn <= pop.asOf, `${label}: divorcedOn set and plausible`);
      const h = householdOf(pop, child)!;
      const withChild = [father, mother].filter((p) => h.members.some((x) => x.idNumber === p));
      t.equal(withChild.length, 1, `${label}: exactly one parent in the child's household`);
      t.ok(householdOf(pop, father) && householdOf(pop, mother), `${label}: both parents have a hukou`);
    }
  }
});

// --- scenario-house-hukou-match
t.test('house-hukou-match: the child is registered for over a year at a flat the married, insured parents own', async (t) => {
  for (const { label, pop } of samples()) {
    const yearAgo = addYears(pop.asOf, -1);
    for (const s of scenariosOf(pop, 'house-hukou-match')) {
      const [child, father, mother] = [ref(s, 'child'), ref(s, 'father'), ref(s, 'mother')];
      const age = ageOn(person(pop, child)!.birthDate, pop.asOf);
      t.ok(age >= 5 && age <= 6, `${label}: child aged ${age}`);
      const h = householdOf(pop, child)!;
      t.ok(h, `${label}: child has a household`);
      const owned = propertiesOfAny(pop, [father, mother])
        .filter((p) => p.use === 'residential' && p.coOwnership !== 'shares' && samePlace(p.address, h.address));
      t.equal(owned.length, 1, `${label}: the parents own the hukou address`);
      t.same(h.address, owned[0]!.address, `${label}: addresses deep-equal`);
      t.ok(owned[0]!.registeredOn < yearAgo, `${label}: property registered over a year ago`);
      const since = memberOf(h, child)!.since;
      t.ok(since < yearAgo, `${label}: child registered there over a year ago`);
      const last = movesOf(pop, child).at(-1)!;
      t.same(last.to, h.address, `${label}: latest hukou move leads there`);
      t.equal(last.date, since);
      t.equal(married(pop, father, mother)?.status, 'married', `${label}: parents married`);
      for (const parent of [father, mother]) {
        t.ok(pop.employment.some((e) => e.idNumber === parent && e.until === null), `${label}: parent employed`);
        t.ok(continuousMonths(pop, parent) >= 24, `${label}: parent insured ≥ 24 months`);
      }
      const birth = pop.births.find((b) => b.childIdNumber === child);
      t.match(birth?.certificateNumber, /^Q\d{9}$/, `${label}: birth certificate`);
      t.equal(birth?.motherIdNumber, mother);
      t.equal(birth?.fatherIdNumber, father);
    }
  }
});

// --- scenario-hukou-at-grandparents
t.test("hukou-at-grandparents: the child is a grandchild in the grandparents' household at their own property", async (t) => {
  for (const { label, pop } of samples()) {
    for (const s of scenariosOf(pop, 'hukou-at-grandparents')) {
      const [child, father, mother, gf, gm] = ['child', 'father', 'mother', 'grandfather', 'grandmother'].map((r) => ref(s, r)) as [string, string, string, string, string];
      const h = householdOf(pop, child)!;
      t.equal(memberOf(h, child)?.relation, 'grandchild', `${label}: relation grandchild`);
      t.equal(memberOf(h, gf)?.relation, 'head', `${label}: grandfather heads the household`);
      t.equal(memberOf(h, gm)?.relation, 'spouse', `${label}: grandmother is in it`);
      const grandOwned = propertiesOfAny(pop, [gf, gm]).filter((p) => samePlace(p.address, h.address));
      t.ok(grandOwned.length >= 1, `${label}: the grandparents own the address`);
      const parentsOwned = propertiesOfAny(pop, [father, mother]).filter((p) => samePlace(p.address, h.address));
      t.equal(parentsOwned.length, 0, `${label}: the parents do not own it`);
      for (const parent of [father, mother]) {
        const ph = householdOf(pop, parent)!;
        t.ok(ph, `${label}: parent has a household`);
        if (ph !== h) {
          t.ok(propertiesOfAny(pop, [father, mother]).some((p) => samePlace(p.address, ph.address)), `${label}: living apart, the parents own their own home`);
        }
      }
    }
  }
});

// --- scenario-late-hukou-move
t.test("late-hukou-move: the child's hukou moved to the family's own flat within the last six months", async (t) => {
  for (const { label, pop } of samples()) {
    const sixMonthsAgo = addMonths(pop.asOf, -6);
    for (const s of scenariosOf(pop, 'late-hukou-move')) {
      const [child, father, mother] = [ref(s, 'child'), ref(s, 'father'), ref(s, 'mother')];
      const h = householdOf(pop, child)!;
      t.ok(propertiesOfAny(pop, [father, mother]).some((p) => samePlace(p.address, h.address)), `${label}: the parents own it`);
      const since = memberOf(h, child)!.since;
      t.ok(since > sixMonthsAgo && since <= pop.asOf, `${label}: member since ${since}, within six months`);
      const moves = movesOf(pop, child);
      t.ok(moves.length >= 2, `${label}: registered elsewhere before`);
      const last = moves.at(-1)!;
      t.equal(last.date, since, `${label}: the move and the membership agree`);
      t.equal(last.kind, 'move_within_city');
      t.same(last.to, h.address);
    }
  }
});

// --- scenario-low-income
t.test('low-income: every member has valid minimum-living or extreme-poverty assistance', async (t) => {
  for (const { label, pop } of samples()) {
    for (const s of scenariosOf(pop, 'low-income')) {
      t.ok(s.members.some((m) => m.ref === 'child') && s.members.some((m) => m.ref === 'mother'), `${label}: child and mother`);
      for (const m of s.members) {
        const valid = pop.assistance.filter((a) => a.idNumber === m.idNumber && covers(a.since, a.validUntil, pop.asOf)
          && (a.kind === 'minimum_living' || a.kind === 'extreme_poverty'));
        t.ok(valid.length >= 1, `${label}: ${m.ref} has valid assistance`);
      }
      const h = householdOf(pop, s.members[0]!.idNumber)!;
      t.ok(s.members.every((m) => h.members.some((x) => x.idNumber === m.idNumber)), `${label}: one household`);
    }
  }
});

// --- scenario-many-properties
t.test('many-properties: the owner holds at least seven certificates', async (t) => {
  for (const { label, pop } of samples()) {
    for (const s of scenariosOf(pop, 'many-properties')) {
      const owned = propertiesOf(pop, ref(s, 'owner'));
      t.ok(owned.length >= 7, `${label}: ${owned.length} certificates`);
      t.equal(new Set(owned.map((p) => p.certificateNumber)).size, owned.length, `${label}: all distinct`);
    }
  }
});

// --- scenario-migrant-lease-permit
t.test('migrant-lease-permit: hukou outside, valid permits and lease, ≥ 12 months of insurance', async (t) => {
  for (const { label, pop } of samples()) {
    for (const s of scenariosOf(pop, 'migrant-lease-permit')) {
      const [child, father, mother] = [ref(s, 'child'), ref(s, 'father'), ref(s, 'mother')];
      const h = householdOf(pop, child)!;
      t.ok('outside' in h.address, `${label}: child's hukou outside the city`);
      for (const parent of [father, mother]) {
        assertRentingMigrant(t, pop, parent, label);
        t.ok(continuousMonths(pop, parent) >= 12, `${label}: insured ≥ 12 continuous months`);
        t.ok(pop.employment.some((e) => e.idNumber === parent && e.until === null), `${label}: employed`);
      }
    }
  }
});

// --- scenario-name-mismatch
t.test('name-mismatch: one member is sent with one character differing from the registered name', async (t) => {
  for (const { label, pop } of samples()) {
    for (const s of scenariosOf(pop, 'name-mismatch')) {
      const off = s.members.filter((m) => m.registeredName !== undefined);
      t.equal(off.length, 1, `${label}: exactly one member is mismatched`);
      const m = off[0]!;
      const p = person(pop, m.idNumber)!;
      t.equal(m.registeredName, p.name, `${label}: registeredName is the registry's name`);
      t.not(m.name, p.name, `${label}: the sent name differs`);
      const sent = [...m.name];
      const registered = [...p.name];
      t.equal(sent.length, registered.length, `${label}: same length`);
      t.equal(sent.filter((c, i) => c !== registered[i]).length, 1, `${label}: one character differs`);
      t.equal(sent[0], registered[0], `${label}: the surname is kept`);
      for (const other of s.members.filter((x) => x !== m)) t.equal(other.name, person(pop, other.idNumber)!.name);
    }
  }
});

// --- scenario-seized-property
t.test('seized-property: a family property carries an active court seizure', async (t) => {
  for (const { label, pop } of samples()) {
    for (const s of scenariosOf(pop, 'seized-property')) {
      const owned = propertiesOfAny(pop, [ref(s, 'father'), ref(s, 'mother')]);
      const seizures = owned.flatMap((p) => p.restrictions).filter((r) => r.kind === 'seizure' && covers(r.registeredOn, r.until, pop.asOf));
      t.ok(seizures.length >= 1, `${label}: an active seizure`);
      for (const r of seizures) {
        t.match(r.authority, /法院$/, `${label}: held by a court`);
        t.match(r.reference, /^\(\d{4}\)鲁\d{2,4}执\d+号$/, `${label}: an enforcement case number`);
      }
    }
  }
});

// --- scenario-short-insurance
t.test('short-insurance: like migrant-lease-permit, but under 12 continuous months of insurance', async (t) => {
  for (const { label, pop } of samples()) {
    for (const s of scenariosOf(pop, 'short-insurance')) {
      const [father, mother] = [ref(s, 'father'), ref(s, 'mother')];
      for (const parent of [father, mother]) {
        assertRentingMigrant(t, pop, parent, label);
        t.ok(continuousMonths(pop, parent) < 12, `${label}: fewer than 12 continuous months`);
      }
      const months = continuousMonths(pop, father);
      t.ok(months >= 4 && months <= 8, `${label}: the father has ${months} months (4-8)`);
      t.ok(pop.employment.some((e) => e.idNumber === father && e.until === null), `${label}: the father is employed now`);
    }
  }
});

// --- scenario-sole-trader
t.test('sole-trader: a migrant parent runs an active sole trader over a year old, without employer insurance', async (t) => {
  for (const { label, pop } of samples()) {
    for (const s of scenariosOf(pop, 'sole-trader')) {
      const parents = [ref(s, 'father'), ref(s, 'mother')];
      const traders = pop.enterprises.filter((e) => e.kind === 'sole_trader' && parents.includes(e.legalRepresentativeIdNumber));
      t.equal(traders.length, 1, `${label}: one sole trader`);
      const e = traders[0]!;
      t.equal(e.status, 'active');
      t.ok(e.establishedOn < addYears(pop.asOf, -1), `${label}: established over a year ago`);
      t.equal(e.creditCode.slice(0, 2), '92', `${label}: sole-trader credit code`);
      const trader = e.legalRepresentativeIdNumber;
      assertRentingMigrant(t, pop, trader, label);
      t.notOk(pop.insurance.some((r) => r.idNumber === trader && r.periods.length > 0), `${label}: no employer insurance`);
      t.notOk(pop.employment.some((x) => x.idNumber === trader), `${label}: no employment`);
    }
  }
});

// --- scenario-unknown-person
t.test('unknown-person: valid ID numbers that appear nowhere in the population', async (t) => {
  for (const { label, pop } of samples()) {
    const elsewhere = JSON.stringify({ ...pop, scenarios: pop.scenarios.filter((s) => s.family !== 'unknown-person') });
    for (const s of scenariosOf(pop, 'unknown-person')) {
      t.ok(s.members.length >= 1);
      for (const m of s.members) {
        const r = parseIdNumber(m.idNumber, asOfDate(pop));
        t.ok(r.ok, `${label}: ${m.ref} has a valid ID number`);
        t.notOk(pop.persons.some((p) => p.idNumber === m.idNumber), `${label}: not a person`);
        t.notOk(elsewhere.includes(m.idNumber), `${label}: referenced nowhere`);
        t.match(m.name, /^[\u4e00-\u9fa5]{2,4}$/, `${label}: a plausible name`);
      }
    }
  }
});

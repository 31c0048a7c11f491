/**
 * What each scenario family guarantees for every seed, with margins around the cut-off
 * (asOf − 1 year − 1 day), so that the admission checks give the same outcome for every
 * example: "before the cut-off" is on or before asOf − 13 months, "after" on or after
 * asOf − 11 months. Checked over the samples and a sweep of small populations (seeds and
 * dates, month ends and a leap day among them). One subtest per family, and one for the
 * school each family applies to.
 */
import t from 'tap';
import type { Test } from 'tap';
import type { Household, Population, Property, Scenario } from '../../schemas/population.js';
import { SCENARIO_FAMILIES } from '../../schemas/population.js';
import { addDays, addMonths, addMonthsYm, addYears, ageOn, schoolYearStart, yearMonth } from '../../mocks/population/dates.js';
import { zonesCovering } from '../../mocks/population/schools.js';
import { assertRentingMigrant } from './fixtures/migrants.js';
import { continuousMonths, covers, householdOf, manySamples, memberOf, movesOf, propertiesOfAny, ref, samePlace, scenariosOf } from './fixtures/populations.js';

const A = (pop: Population, months: number) => addMonths(pop.asOf, months);

/** Restrictions in force on asOf (what the registry answers). */
function current(pop: Population, p: Property) {
  return p.restrictions.filter((r) => covers(r.registeredOn, r.until, pop.asOf));
}

function isAddressPlace(h: Household): h is Household & { address: Exclude<Household['address'], { outside: string }> } {
  return !('outside' in h.address);
}

/**
 * The own-home shape: the child in the household the father heads, the mother spouse, at a
 * residential flat the parents (one or both) own and nobody else does, with no seizure on
 * asOf. Returns the flat and the date the child's hukou has been there since.
 */
function ownHome(t: Test, pop: Population, s: Scenario, label: string): { h: Household; home: Property; since: string } {
  const [child, father, mother] = [ref(s, 'child'), ref(s, 'father'), ref(s, 'mother')];
  const h = householdOf(pop, child)!;
  t.equal(memberOf(h, child)?.relation, 'child', `${label}: the child is a child of the household`);
  t.equal(memberOf(h, father)?.relation, 'head', `${label}: the father heads it`);
  t.equal(memberOf(h, mother)?.relation, 'spouse', `${label}: the mother is the spouse`);
  const homes = propertiesOfAny(pop, [father, mother]).filter((p) => samePlace(p.address, h.address));
  t.equal(homes.length, 1, `${label}: the parents own the hukou address`);
  const home = homes[0]!;
  t.equal(home.use, 'residential', `${label}: a home`);
  t.ok(home.owners.every((o) => o.idNumber === father || o.idNumber === mother), `${label}: owned by the parents only`);
  t.notOk(current(pop, home).some((r) => r.kind === 'seizure'), `${label}: not seized`);
  const since = memberOf(h, child)!.since;
  t.equal(movesOf(pop, child).at(-1)!.date, since, `${label}: the last hukou move is the membership's`);
  t.ok(home.registeredOn <= since, `${label}: registered (${home.registeredOn}) before the hukou moved in (${since})`);
  return { h, home, since };
}

/** Own home registered ≤ asOf − 15 months and the child's hukou there ≤ asOf − 13 months. */
function settledOwnHome(t: Test, pop: Population, s: Scenario, label: string): { h: Household; home: Property; since: string } {
  const r = ownHome(t, pop, s, label);
  t.ok(r.home.registeredOn <= A(pop, -15), `${label}: registered ${r.home.registeredOn}, ≤ asOf − 15 months`);
  t.ok(r.since <= A(pop, -13), `${label}: hukou there since ${r.since}, ≤ asOf − 13 months`);
  return r;
}

/** The hukou household of a migrant family: outside the city, father head, mother spouse, child child; no Qingdao birth certificate. */
function migrantHousehold(t: Test, pop: Population, s: Scenario, label: string): void {
  const [child, father, mother] = [ref(s, 'child'), ref(s, 'father'), ref(s, 'mother')];
  const h = householdOf(pop, child)!;
  t.ok('outside' in h.address, `${label}: the hukou is outside the city`);
  t.equal(memberOf(h, child)?.relation, 'child', `${label}: child`);
  t.equal(memberOf(h, father)?.relation, 'head', `${label}: father is head of the same household`);
  t.equal(memberOf(h, mother)?.relation, 'spouse', `${label}: mother is spouse in it`);
  t.notOk(pop.births.some((b) => b.childIdNumber === child), `${label}: no Qingdao birth certificate`);
}

/** Months with insurance paid (YYYYMM). */
function paidMonths(pop: Population, id: string): Set<string> {
  const months = new Set<string>();
  for (const r of pop.insurance.filter((x) => x.idNumber === id)) {
    for (const p of r.periods) for (let m = p.from; m <= p.to; m = addMonthsYm(m, 1)) months.add(m);
  }
  return months;
}

/** Paid months in a row ending at `month`. */
function runEndingAt(months: Set<string>, month: string): number {
  let n = 0;
  for (let m = month; months.has(m); m = addMonthsYm(m, -1)) n++;
  return n;
}

function forEach(family: (typeof SCENARIO_FAMILIES)[number], fn: (s: Scenario, pop: Population, label: string) => void): void {
  let n = 0;
  for (const { label, pop } of manySamples()) {
    for (const s of scenariosOf(pop, family)) {
      fn(s, pop, `${label}: ${s.description}`);
      n++;
    }
  }
  if (n < 3 * manySamples().length) throw new Error(`${family}: only ${n} examples`);
}

// --- the school a family applies to
t.test('schoolCode: every family with a child names the school it applies to, zoned for its home', async (t) => {
  const migrant = new Set(['migrant-lease-permit', 'short-insurance', 'sole-trader', 'expired-permit', 'expired-lease', 'insurance-gap', 'deregistered-enterprise']);
  for (const { label, pop } of manySamples()) {
    const zone = (code: string | undefined) => pop.schoolZones.find((z) => z.schoolCode === code);
    for (const s of pop.scenarios) {
      const what = `${label}: ${s.family}`;
      const hasChild = s.members.some((m) => m.ref === 'child');
      if (!hasChild) {
        t.equal(s.schoolCode, undefined, `${what}: no child, no school`);
        continue;
      }
      const z = zone(s.schoolCode);
      t.ok(z, `${what}: a known school ${s.schoolCode}`);
      if (!z) continue;
      if (s.family === 'unknown-person') {
        t.equal(z.level, 'primary', `${what}: a primary school`);
        t.equal(z.district, s.members[0]!.idNumber.slice(0, 6), `${what}: of the district the ID numbers name`);
        continue;
      }
      const child = ref(s, 'child');
      let address;
      if (migrant.has(s.family)) {
        // The rented flat: the family's latest lease.
        const leases = pop.leases.filter((l) => l.tenants.includes(ref(s, 'father'))).sort((a, b) => (a.startOn < b.startOn ? -1 : 1));
        address = leases.at(-1)!.address;
      } else {
        const h = householdOf(pop, child)!;
        t.ok(isAddressPlace(h), `${what}: the child's hukou is in the city`);
        if (!isAddressPlace(h)) continue;
        address = h.address;
      }
      const covering = zonesCovering(pop.schoolZones, address);
      if (s.family === 'outside-school-zone') {
        t.equal(z.level, 'primary', `${what}: a primary school`);
        t.equal(z.district, address.district, `${what}: of the home's district`);
        t.notOk(covering.includes(z), `${what}: whose zone does not cover the home`);
      } else {
        t.equal(z.level, s.family === 'grade-six-pupil' ? 'junior' : 'primary', `${what}: the level applied for`);
        t.ok(covering.includes(z), `${what}: zoned for the ${migrant.has(s.family) ? 'rented flat' : 'hukou address'}`);
      }
    }
  }
});

// --- own homes: house-hukou-match, name-mismatch
for (const family of ['house-hukou-match', 'name-mismatch'] as const) {
  t.test(`${family}: own home registered ≤ asOf − 15 months, the child's hukou there ≤ asOf − 13 months, not seized`, async (t) => {
    forEach(family, (s, pop, label) => {
      settledOwnHome(t, pop, s, label);
    });
  });
}

// --- contract-no-certificate
t.test('contract-no-certificate: no certificate at all; the hukou at the contract flat since ≤ asOf − 13 months, filed ≤ asOf − 14 months before the move', async (t) => {
  forEach('contract-no-certificate', (s, pop, label) => {
    const [child, father, mother] = [ref(s, 'child'), ref(s, 'father'), ref(s, 'mother')];
    t.same(propertiesOfAny(pop, [child, father, mother]), [], `${label}: nobody in the family owns property`);
    const h = householdOf(pop, child)!;
    t.equal(memberOf(h, father)?.relation, 'head', `${label}: father heads the child's household`);
    t.equal(memberOf(h, mother)?.relation, 'spouse', `${label}: mother is the spouse`);
    t.notOk(pop.properties.some((p) => samePlace(p.address, h.address)), `${label}: no certificate for the flat`);
    const contracts = pop.saleContracts.filter((c) => c.buyers.some((b) => b === father || b === mother));
    t.equal(contracts.length, 1, `${label}: one contract`);
    const c = contracts[0]!;
    t.equal(c.status, 'filed', `${label}: filed`);
    t.ok(c.buyers.every((b) => b === father || b === mother), `${label}: bought by the parents`);
    t.ok(samePlace(c.address, h.address), `${label}: the hukou address is the contract flat`);
    t.ok(c.filedOn <= A(pop, -14), `${label}: filed ${c.filedOn} ≤ asOf − 14 months`);
    for (const id of [child, father, mother]) {
      const since = memberOf(h, id)!.since;
      t.ok(c.filedOn < since && since <= A(pop, -13), `${label}: hukou there since ${since}, after the filing, ≤ asOf − 13 months`);
    }
  });
});

// --- divorced-parents
t.test("divorced-parents: divorced ≤ asOf − 30 months; the child with the father at his marital flat since birth, or with the mother at a flat she bought after", async (t) => {
  forEach('divorced-parents', (s, pop, label) => {
    const [child, father, mother] = [ref(s, 'child'), ref(s, 'father'), ref(s, 'mother')];
    const m = pop.marriages.find((x) => x.spouses.includes(father) && x.spouses.includes(mother))!;
    t.equal(m.status, 'divorced');
    t.ok(m.divorcedOn! <= A(pop, -30), `${label}: divorced ${m.divorcedOn} ≤ asOf − 30 months`);
    const h = householdOf(pop, child)!;
    const withFather = memberOf(h, father) !== undefined;
    t.not(withFather, memberOf(h, mother) !== undefined, `${label}: with exactly one parent`);
    t.equal(memberOf(h, withFather ? father : mother)?.relation, 'head', `${label}: that parent heads the household`);
    const homes = pop.properties.filter((p) => samePlace(p.address, h.address));
    t.equal(homes.length, 1, `${label}: the hukou address is a property`);
    const home = homes[0]!;
    t.same(home.owners.map((o) => o.idNumber), [withFather ? father : mother], `${label}: that parent owns it alone`);
    t.equal(home.coOwnership, 'sole');
    t.notOk(current(pop, home).some((r) => r.kind === 'seizure'), `${label}: not seized`);
    const since = memberOf(h, child)!.since;
    if (withFather) {
      t.ok(home.registeredOn <= A(pop, -15), `${label}: registered ${home.registeredOn} ≤ asOf − 15 months`);
      const moves = movesOf(pop, child);
      t.equal(moves.length, 1, `${label}: registered there at birth, never moved`);
      t.equal(moves[0]!.kind, 'birth');
      t.ok(home.registeredOn <= moves[0]!.date, `${label}: the flat was the father's before the child was born`);
    } else {
      t.ok(m.divorcedOn! < home.registeredOn && home.registeredOn <= A(pop, -18), `${label}: bought ${home.registeredOn}, after the divorce, ≤ asOf − 18 months`);
      t.ok(home.registeredOn < since && since <= A(pop, -13), `${label}: the child's hukou there since ${since}, ≤ asOf − 13 months`);
    }
    // The other parent's home is not seized either.
    const other = householdOf(pop, withFather ? mother : father)!;
    for (const p of pop.properties.filter((x) => samePlace(x.address, other.address))) t.notOk(current(pop, p).some((r) => r.kind === 'seizure'), `${label}: the other home is not seized`);
  });
});

// --- seized-property
t.test("seized-property: the home at the child's hukou address, registered ≤ asOf − 15 months, is seized on asOf", async (t) => {
  forEach('seized-property', (s, pop, label) => {
    const [child, father, mother] = [ref(s, 'child'), ref(s, 'father'), ref(s, 'mother')];
    const h = householdOf(pop, child)!;
    const home = propertiesOfAny(pop, [father, mother]).find((p) => samePlace(p.address, h.address));
    t.ok(home, `${label}: the parents own the hukou address`);
    if (!home) return;
    t.ok(home.registeredOn <= A(pop, -15), `${label}: registered ${home.registeredOn} ≤ asOf − 15 months`);
    t.ok(memberOf(h, child)!.since <= A(pop, -13), `${label}: the hukou there ≤ asOf − 13 months`);
    const seizures = current(pop, home).filter((r) => r.kind === 'seizure');
    t.ok(seizures.length >= 1, `${label}: the home is seized on asOf`);
    for (const r of seizures) t.match(r.authority, /法院$/, `${label}: by a court`);
  });
});

// --- late-hukou-move
t.test('late-hukou-move: the flat registered between asOf − 3 years and asOf − 13 months, the hukou moved within six months', async (t) => {
  forEach('late-hukou-move', (s, pop, label) => {
    const { home, since } = ownHome(t, pop, s, label);
    t.ok(addYears(pop.asOf, -3) <= home.registeredOn && home.registeredOn <= A(pop, -13), `${label}: registered ${home.registeredOn}`);
    t.ok(A(pop, -6) < since && since <= pop.asOf, `${label}: moved ${since}, within six months`);
  });
});

// --- low-income, hukou-at-grandparents
t.test('low-income: no property in the family, the hukou at the public flat ≤ asOf − 13 months, assistance valid', async (t) => {
  forEach('low-income', (s, pop, label) => {
    const ids = s.members.map((m) => m.idNumber);
    t.same(propertiesOfAny(pop, ids), [], `${label}: nobody owns property`);
    const h = householdOf(pop, ref(s, 'child'))!;
    t.ok(!('outside' in h.address), `${label}: in the city`);
    for (const id of ids) {
      t.ok(memberOf(h, id)!.since <= A(pop, -13), `${label}: ${id} in the household since ≤ asOf − 13 months`);
      t.ok(pop.assistance.some((a) => a.idNumber === id && covers(a.since, a.validUntil, pop.asOf)), `${label}: assisted on asOf`);
    }
  });
});

t.test("hukou-at-grandparents: the child a grandchild at the grandparents' own home since birth, which the parents do not own", async (t) => {
  forEach('hukou-at-grandparents', (s, pop, label) => {
    const [child, father, mother] = [ref(s, 'child'), ref(s, 'father'), ref(s, 'mother')];
    const h = householdOf(pop, child)!;
    t.equal(memberOf(h, child)?.relation, 'grandchild');
    t.equal(movesOf(pop, child).length, 1, `${label}: registered there at birth`);
    t.ok(memberOf(h, child)!.since <= A(pop, -13), `${label}: since ≤ asOf − 13 months`);
    t.notOk(propertiesOfAny(pop, [father, mother]).some((p) => samePlace(p.address, h.address)), `${label}: the parents own none of it`);
    t.ok(propertiesOfAny(pop, [ref(s, 'grandfather'), ref(s, 'grandmother')]).some((p) => samePlace(p.address, h.address)), `${label}: the grandparents own it`);
  });
});

// --- migrants
t.test('migrant-lease-permit, short-insurance, sole-trader: the child in the parents\' household outside the city', async (t) => {
  for (const family of ['migrant-lease-permit', 'short-insurance', 'sole-trader'] as const) {
    forEach(family, (s, pop, label) => {
      migrantHousehold(t, pop, s, label);
      for (const parent of [ref(s, 'father'), ref(s, 'mother')]) assertRentingMigrant(t, pop, parent, label);
    });
  }
  forEach('migrant-lease-permit', (s, pop, label) => {
    for (const parent of [ref(s, 'father'), ref(s, 'mother')]) t.ok(continuousMonths(pop, parent) >= 12, `${label}: insured ≥ 12 months in a row`);
  });
  forEach('short-insurance', (s, pop, label) => {
    for (const parent of [ref(s, 'father'), ref(s, 'mother')]) t.ok(continuousMonths(pop, parent) < 12, `${label}: insured < 12 months in a row`);
  });
  forEach('sole-trader', (s, pop, label) => {
    const shops = pop.enterprises.filter((e) => [ref(s, 'father'), ref(s, 'mother')].includes(e.legalRepresentativeIdNumber));
    t.equal(shops.length, 1, `${label}: one enterprise`);
    t.equal(shops[0]!.status, 'active');
    t.ok(shops[0]!.establishedOn <= A(pop, -14), `${label}: established ${shops[0]!.establishedOn} ≤ asOf − 14 months`);
  });
});

// --- joint-ownership
t.test('joint-ownership: the home is held jointly by exactly the father and the mother', async (t) => {
  forEach('joint-ownership', (s, pop, label) => {
    const { home } = settledOwnHome(t, pop, s, label);
    t.equal(home.coOwnership, 'joint', `${label}: joint`);
    t.same(home.owners.map((o) => o.idNumber).sort(), [ref(s, 'father'), ref(s, 'mother')].sort(), `${label}: both parents`);
  });
});

// --- mortgaged-property
t.test("mortgaged-property: the home's only current restriction is a bank mortgage", async (t) => {
  forEach('mortgaged-property', (s, pop, label) => {
    const { home } = settledOwnHome(t, pop, s, label);
    const now = current(pop, home);
    t.same(now.map((r) => r.kind), ['mortgage'], `${label}: one mortgage, nothing else`);
    t.match(now[0]?.authority, /银行/, `${label}: held by a bank`);
  });
});

// --- expired-permit
t.test('expired-permit: both permits expired between asOf − 6 months and asOf − 1 day, none valid; lease active; insured ≥ 12 months', async (t) => {
  forEach('expired-permit', (s, pop, label) => {
    migrantHousehold(t, pop, s, label);
    for (const parent of [ref(s, 'father'), ref(s, 'mother')]) {
      const permits = pop.residencePermits.filter((p) => p.idNumber === parent);
      t.ok(permits.length >= 1, `${label}: has permits`);
      t.notOk(permits.some((p) => covers(p.issuedOn, p.validUntil, pop.asOf)), `${label}: none valid on asOf`);
      t.notOk(permits.some((p) => p.issuedOn > pop.asOf), `${label}: none issued later`);
      const latest = permits.reduce((a, b) => (b.validUntil > a.validUntil ? b : a));
      t.ok(A(pop, -6) <= latest.validUntil && latest.validUntil <= addDays(pop.asOf, -1), `${label}: the latest ran out ${latest.validUntil}`);
      const leases = pop.leases.filter((l) => l.tenants.includes(parent) && covers(l.startOn, l.endOn, pop.asOf));
      t.equal(leases.length, 1, `${label}: a lease active on asOf`);
      t.ok(samePlace(latest.address, leases[0]!.address), `${label}: the permit was for the leased flat`);
      t.ok(leases[0]!.startOn <= latest.issuedOn, `${label}: issued after moving in`);
      t.ok(continuousMonths(pop, parent) >= 12, `${label}: insured ≥ 12 months in a row`);
    }
  });
});

// --- expired-lease
t.test('expired-lease: the only lease ended between asOf − 8 months and asOf − 1 month; permits valid; insured ≥ 12 months; no property', async (t) => {
  forEach('expired-lease', (s, pop, label) => {
    migrantHousehold(t, pop, s, label);
    const family = s.members.map((m) => m.idNumber);
    t.same(propertiesOfAny(pop, family), [], `${label}: nobody owns property`);
    const leases = pop.leases.filter((l) => l.tenants.some((x) => family.includes(x)));
    t.equal(leases.length, 1, `${label}: one lease ever`);
    const lease = leases[0]!;
    t.ok(A(pop, -8) <= lease.endOn && lease.endOn <= A(pop, -1), `${label}: ended ${lease.endOn}`);
    for (const parent of [ref(s, 'father'), ref(s, 'mother')]) {
      t.ok(lease.tenants.includes(parent), `${label}: both parents were tenants`);
      const valid = pop.residencePermits.filter((p) => p.idNumber === parent && covers(p.issuedOn, p.validUntil, pop.asOf));
      t.equal(valid.length, 1, `${label}: a permit valid on asOf`);
      t.ok(samePlace(valid[0]!.address, lease.address) && covers(lease.startOn, lease.endOn, valid[0]!.issuedOn), `${label}: issued for the flat while the lease ran`);
      t.ok(continuousMonths(pop, parent) >= 12, `${label}: insured ≥ 12 months in a row`);
    }
  });
});

// --- insurance-gap
t.test('insurance-gap: ≥ 12 paid of the last 24 months, a 1-3 month gap within the last 12, < 12 in a row; permits, lease; no enterprise', async (t) => {
  forEach('insurance-gap', (s, pop, label) => {
    migrantHousehold(t, pop, s, label);
    const thisMonth = yearMonth(pop.asOf);
    for (const parent of [ref(s, 'father'), ref(s, 'mother')]) {
      assertRentingMigrant(t, pop, parent, label);
      t.ok(pop.employment.some((e) => e.idNumber === parent && e.until === null), `${label}: employed now`);
      const months = paidMonths(pop, parent);
      const last = (n: number) => Array.from({ length: n }, (_, i) => addMonthsYm(thisMonth, -i));
      const paid24 = last(24).filter((m) => months.has(m)).length;
      const unpaid12 = last(12).filter((m) => !months.has(m)).length;
      t.ok(paid24 >= 12, `${label}: ${paid24} of the last 24 months paid`);
      t.ok(unpaid12 >= 1 && unpaid12 <= 3, `${label}: ${unpaid12} unpaid months within the last 12`);
      const run = runEndingAt(months, thisMonth);
      t.ok(run >= 1 && run < 12, `${label}: ${run} months in a row up to asOf's month`);
      t.ok(runEndingAt(months, addMonthsYm(thisMonth, -1)) < 12, `${label}: fewer than 12 in a row up to the month before`);
      t.notOk(pop.enterprises.some((e) => e.legalRepresentativeIdNumber === parent), `${label}: no enterprise`);
    }
  });
});

// --- outside-school-zone
t.test('outside-school-zone: a settled own home, applying to a primary school of the district not zoned for it', async (t) => {
  forEach('outside-school-zone', (s, pop, label) => {
    const { h } = settledOwnHome(t, pop, s, label);
    if (!isAddressPlace(h)) return;
    const z = pop.schoolZones.find((x) => x.schoolCode === s.schoolCode)!;
    t.ok(z.level === 'primary' && z.district === h.address.district && !zonesCovering(pop.schoolZones, h.address).includes(z), `${label}: ${z.schoolName}`);
  });
});

// --- late-property
t.test('late-property: the home registered between asOf − 11 months and asOf − 2 months, the hukou moved there after, before asOf', async (t) => {
  forEach('late-property', (s, pop, label) => {
    const { home, since } = ownHome(t, pop, s, label);
    t.ok(A(pop, -11) <= home.registeredOn && home.registeredOn <= A(pop, -2), `${label}: registered ${home.registeredOn}`);
    t.ok(home.registeredOn < since && since < pop.asOf, `${label}: moved ${since}`);
  });
});

// --- deregistered-enterprise
t.test('deregistered-enterprise: one parent operated a sole trader now cancelled; nobody employed or insured; permits, lease', async (t) => {
  forEach('deregistered-enterprise', (s, pop, label) => {
    migrantHousehold(t, pop, s, label);
    const parents = [ref(s, 'father'), ref(s, 'mother')];
    const led = pop.enterprises.filter((e) => parents.includes(e.legalRepresentativeIdNumber));
    t.equal(led.length, 1, `${label}: one enterprise`);
    const e = led[0]!;
    t.equal(e.kind, 'sole_trader');
    t.equal(e.status, 'cancelled', `${label}: deregistered`);
    t.ok(e.establishedOn <= addYears(pop.asOf, -3), `${label}: established ${e.establishedOn}, years ago`);
    for (const parent of parents) {
      assertRentingMigrant(t, pop, parent, label);
      t.notOk(pop.employment.some((x) => x.idNumber === parent), `${label}: never employed`);
      t.equal(paidMonths(pop, parent).size, 0, `${label}: never insured`);
    }
  });
});

// --- no-birth-certificate
t.test('no-birth-certificate: a settled own home, and no birth record of the child', async (t) => {
  forEach('no-birth-certificate', (s, pop, label) => {
    settledOwnHome(t, pop, s, label);
    t.notOk(pop.births.some((b) => b.childIdNumber === ref(s, 'child')), `${label}: no birth record`);
  });
});

// --- twins
t.test('twins: two children born the same day, each certified with both parents, both children of the household', async (t) => {
  forEach('twins', (s, pop, label) => {
    t.same(s.members.map((m) => m.ref), ['child', 'twin', 'father', 'mother']);
    const { h } = settledOwnHome(t, pop, s, label);
    const [child, twin, father, mother] = [ref(s, 'child'), ref(s, 'twin'), ref(s, 'father'), ref(s, 'mother')];
    t.not(child, twin);
    t.not(s.members[0]!.name, s.members[1]!.name, `${label}: different names`);
    const births = [child, twin].map((id) => pop.births.find((b) => b.childIdNumber === id));
    t.equal(births[0]?.birthDate, births[1]?.birthDate, `${label}: born the same day`);
    for (const b of births) {
      t.equal(b?.motherIdNumber, mother, `${label}: the certificate names the mother`);
      t.equal(b?.fatherIdNumber, father, `${label}: and the father`);
    }
    t.equal(memberOf(h, twin)?.relation, 'child', `${label}: the twin is a child of the household`);
    t.equal(memberOf(h, twin)?.since, memberOf(h, child)?.since, `${label}: there since the same day`);
  });
});

// --- grade-six-pupil
t.test('grade-six-pupil: enrolled in grade 6 at the primary school zoned for the settled own home', async (t) => {
  forEach('grade-six-pupil', (s, pop, label) => {
    const { h } = settledOwnHome(t, pop, s, label);
    const child = ref(s, 'child');
    const students = pop.students.filter((x) => x.idNumber === child);
    t.equal(students.length, 1, `${label}: a pupil`);
    t.equal(students[0]?.grade, 6, `${label}: grade 6`);
    t.equal(students[0]?.status, 'enrolled', `${label}: enrolled`);
    if (!isAddressPlace(h)) return;
    const z = pop.schoolZones.find((x) => x.schoolCode === students[0]?.schoolCode);
    t.ok(z?.level === 'primary' && zonesCovering(pop.schoolZones, h.address).includes(z), `${label}: at the zone primary school`);
    const born = pop.persons.find((p) => p.idNumber === child)!.birthDate;
    t.equal(ageOn(born, schoolYearStart(pop.asOf)), 11, `${label}: 11 at the start of the school year`);
  });
});

// --- hukou-under-two-years
t.test('hukou-under-two-years: in 市南区, the hukou at the own home since between asOf − 22 and asOf − 14 months', async (t) => {
  forEach('hukou-under-two-years', (s, pop, label) => {
    const { h, home, since } = ownHome(t, pop, s, label);
    t.equal(isAddressPlace(h) && h.address.district, '370202', `${label}: 市南区`);
    t.ok(A(pop, -22) <= since && since <= A(pop, -14), `${label}: hukou there since ${since}`);
    t.ok(home.registeredOn < since, `${label}: the flat (${home.registeredOn}) before the move`);
    t.ok(home.registeredOn <= A(pop, -15), `${label}: registered ≤ asOf − 15 months`);
  });
});


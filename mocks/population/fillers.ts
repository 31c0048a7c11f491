/**
 * Ordinary families that fill the population up to the requested number of households:
 * local couples with and without children or property, elderly couples (some widowed),
 * three generations, singles in collective households, siblings, migrants, sole traders.
 * They draw from the main stream: most before the scenario families, the rest after them
 * (generator.ts).
 */
import type { Person } from '../../schemas/population.js';
import type { Builder, Gender } from './builder/index.js';
import { addDays, addMonths, addYears, maxDate, minDate } from './dates.js';
import {
  type LocalHome, addChildren, employLong, localCouple, localHome, migrantCouple, migrantHousehold, rentFlat,
  soleTrader, validPermit, weddingDate, workingAge,
} from './families.js';
import { NEW_DEVELOPMENT_DISTRICTS } from './names.js';

type Kind = 'nuclear' | 'elderly' | 'threeGenerations' | 'single' | 'migrantFamily' | 'migrantSingle' | 'trader' | 'siblings' | 'cancelledContract';

const KINDS: readonly (readonly [Kind, number])[] = [
  ['nuclear', 33], ['elderly', 14], ['threeGenerations', 9], ['single', 9], ['migrantFamily', 18],
  ['migrantSingle', 6], ['trader', 5], ['siblings', 2], ['cancelledContract', 3],
];

/**
 * Kinds that add exactly one household. The others add up to three (a migrant's own
 * household, and new landlords' for an earlier and the current lease) or none (a single
 * joining an existing collective household).
 */
const ONE_HOUSEHOLD_KINDS = KINDS.filter(([kind]) => kind !== 'single' && kind !== 'migrantFamily' && kind !== 'migrantSingle');

/**
 * Adds one ordinary family. With `room` households left to fill, the last three are
 * families of one household each, so the population ends at exactly the requested size.
 */
export function fillerFamily(b: Builder, room: number): void {
  switch (b.rng.weighted(room > 3 ? KINDS : ONE_HOUSEHOLD_KINDS)) {
    case 'nuclear': return nuclear(b);
    case 'elderly': return elderly(b);
    case 'threeGenerations': return threeGenerations(b);
    case 'single': return single(b);
    case 'migrantFamily': return migrantFamily(b);
    case 'migrantSingle': return migrantSingle(b);
    case 'trader': return trader(b);
    case 'siblings': return siblings(b);
    case 'cancelledContract': return cancelledContract(b);
  }
}

function randomGender(b: Builder): Gender {
  return b.rng.chance(0.5) ? 'male' : 'female';
}

function ownersOf(fam: LocalHome): Person[] {
  const ids = new Set(fam.property?.owners.map((o) => o.idNumber) ?? []);
  return [fam.husband, fam.wife].filter((p) => ids.has(p.idNumber));
}

function nuclear(b: Builder): void {
  const ownership = b.rng.weighted([['joint', 45], ['sole', 20], ['shares', 8], ['none', 27]] as const);
  const fam = localHome(b, { age: [27, 52], ownership });
  addChildren(b, fam, b.rng.weighted([[0, 20], [1, 50], [2, 30]] as const));
  const p = fam.property;
  if (p && p.registeredOn >= '2016-01-01' && b.rng.chance(0.3)) {
    // Bought new: the filed purchase contract came before the certificate.
    const developer = b.work.developer();
    const filedOn = b.between(maxDate(addMonths(p.registeredOn, -30), addYears(developer.establishedOn, 1)), addMonths(p.registeredOn, -6));
    b.property.saleContract({ buyers: ownersOf(fam), address: p.address, filedOn, developer, areaM2: p.areaM2 });
  }
  if (p && b.rng.chance(0.15)) {
    b.property.register({
      address: b.places.address(fam.district, 'parking'), use: 'parking', owners: ownersOf(fam), coOwnership: p.coOwnership,
      registeredOn: b.between(p.registeredOn, b.asOf), mortgage: false,
    });
  }
}

function elderly(b: Builder): void {
  const asOf = b.asOf;
  const d = b.places.district();
  const husbandBirth = b.birthAged(62, 90);
  const wifeBirth = b.rng.dateBetween(addYears(husbandBirth, -2), minDate(addYears(husbandBirth, 5), addYears(asOf, -58)));
  const marriedOn = weddingDate(b, husbandBirth, wifeBirth, addYears(husbandBirth, 32));
  const couple = localCouple(b, { district: d, husbandBirth, wifeBirth, marriedOn });
  let deceased: Person | null = null;
  if (b.rng.chance(0.2)) {
    deceased = b.rng.chance(0.6) ? couple.husband : couple.wife;
    b.people.decease(deceased, b.between(maxDate(addYears(deceased.birthDate, 60), addYears(asOf, -8)), addDays(asOf, -20)));
  }
  const survivors = [couple.husband, couple.wife].filter((p) => p !== deceased);
  const home = b.places.address(d, b.rng.chance(0.35) ? 'house' : 'flat');
  const registeredOn = b.between(addYears(asOf, -25), addYears(asOf, -1));
  b.property.register({ address: home, owners: survivors.length === 2 && b.rng.chance(0.5) ? survivors : [survivors[0]!], registeredOn, mortgage: false });
  const h = b.people.household(home);
  const since = addDays(registeredOn, b.rng.int(3, 60));
  survivors.forEach((p, i) => b.people.join(h, p, i === 0 ? 'head' : 'spouse', since));
  if (survivors.length === 1 && b.rng.chance(0.12)) {
    const from = b.between(addYears(asOf, -4), addMonths(asOf, -2));
    b.civil.assist(survivors[0]!, 'extreme_poverty', from, b.rng.dateBetween(addMonths(asOf, 1), addMonths(asOf, 12)));
  } else if (b.rng.chance(0.05)) {
    // Assistance that has run out: stays on record, no longer valid.
    const from = b.between(addYears(asOf, -6), addYears(asOf, -3));
    b.civil.assist(survivors[0]!, 'minimum_living', from, b.between(addYears(from, 1), addMonths(asOf, -1)));
  }
}

function threeGenerations(b: Builder): void {
  const asOf = b.asOf;
  const fam = localHome(b, { age: [30, 48], ownership: b.rng.pick(['joint', 'sole'] as const) });
  addChildren(b, fam, b.rng.int(1, 2), 18);
  const gfBirth = b.yearsBefore(fam.husband.birthDate, 24, 32);
  const gmBirth = b.rng.dateBetween(addYears(gfBirth, -1), minDate(addYears(gfBirth, 4), addYears(fam.husband.birthDate, -21)));
  const grand = localCouple(b, {
    district: fam.district, husbandBirth: gfBirth, wifeBirth: gmBirth, husbandSurname: b.people.surnameOf(fam.husband),
    marriedOn: weddingDate(b, gfBirth, gmBirth, addMonths(fam.husband.birthDate, -10)),
  });
  const movedIn = b.between(fam.since, addMonths(asOf, -1));
  if (b.rng.chance(0.25)) {
    const gone = b.rng.chance(0.6) ? grand.husband : grand.wife;
    b.people.decease(gone, b.between(maxDate(addYears(gone.birthDate, 55), addYears(asOf, -10)), addDays(asOf, -20)));
  }
  for (const p of [grand.husband, grand.wife]) if (!p.deceasedOn) b.people.join(fam.household, p, 'parent', movedIn);
}

function single(b: Builder): void {
  const asOf = b.asOf;
  const gender = randomGender(b);
  const birthDate = b.birthAged(22, 36);
  if (b.rng.chance(0.5)) {
    const d = b.places.district();
    const p = b.people.adult({ gender, birthDate, home: b.rng.chance(0.8) ? d : b.places.district() });
    const home = b.places.address(d, 'flat');
    const registeredOn = b.between(addYears(birthDate, 23), addMonths(asOf, -2));
    b.property.register({ address: home, owners: [p], registeredOn });
    const h = b.people.household(home);
    b.people.join(h, p, 'head', addDays(registeredOn, b.rng.int(3, 40)));
    if (b.rng.chance(0.85)) employLong(b, p);
    return;
  }
  // A collective household (集体户) at the employer: graduates who moved their hukou in.
  const p = b.people.adult({ gender, birthDate, home: b.rng.chance(0.5) ? b.places.origin() : b.places.district() });
  const employer = b.work.employer();
  const h = b.people.collectiveAt(employer.address);
  const hired = b.between(maxDate(addYears(birthDate, 22), addDays(employer.establishedOn, 30)), addMonths(asOf, -1));
  b.work.employ(p, employer, hired);
  b.people.join(h, p, 'other', addDays(hired, b.rng.int(10, 90)));
}

function migrantFamily(b: Builder): void {
  const asOf = b.asOf;
  const origin = b.places.origin();
  const husbandBirth = b.birthAged(25, 46);
  const wifeBirth = b.rng.dateBetween(addYears(husbandBirth, -2), minDate(addYears(husbandBirth, 5), addYears(asOf, -21)));
  const couple = migrantCouple(b, { origin, husbandBirth, wifeBirth, marriedOn: weddingDate(b, husbandBirth, wifeBirth, asOf) });
  const h = migrantHousehold(b, couple);
  const kids: Person[] = [];
  const from = maxDate(addDays(couple.marriage.registeredOn, 300), addYears(asOf, -16));
  const count = from <= asOf ? b.rng.weighted([[0, 25], [1, 50], [2, 25]] as const) : 0;
  for (let i = 0; i < count; i++) {
    const kid = b.people.child({ mother: couple.wife, father: couple.husband, birthDate: b.rng.dateBetween(from, asOf), regPlace: h.address, origin });
    b.people.join(h, kid, 'child');
    kids.push(kid);
  }
  const district = b.places.district();
  const { address, startOn } = rentFlat(b, district, [couple.husband, couple.wife]);
  for (const [p, valid] of [[couple.husband, 0.85], [couple.wife, 0.7]] as const) {
    if (b.rng.chance(valid)) validPermit(b, p, address, startOn);
    else if (b.rng.chance(0.5)) b.people.permit(p, address, b.between(addYears(asOf, -3), addMonths(asOf, -13))); // expired
  }
  for (const k of kids) b.people.livesAt(k, address);
  if (workingAge(b, couple.husband) && b.rng.chance(0.9)) employLong(b, couple.husband);
  if (workingAge(b, couple.wife) && b.rng.chance(0.65)) employLong(b, couple.wife);
}

function migrantSingle(b: Builder): void {
  const origin = b.places.origin();
  const p = b.people.adult({ gender: randomGender(b), birthDate: b.birthAged(20, 35), home: origin });
  const h = b.people.household(b.people.firstPlace(p));
  b.people.join(h, p, 'head');
  const { address, startOn } = rentFlat(b, b.places.district(), [p]);
  if (b.rng.chance(0.8)) validPermit(b, p, address, startOn);
  if (b.rng.chance(0.9)) employLong(b, p);
}

function trader(b: Builder): void {
  const asOf = b.asOf;
  const fam = localHome(b, { age: [30, 56], ownership: b.rng.weighted([['joint', 5], ['sole', 2], ['none', 3]] as const), employ: false });
  addChildren(b, fam, b.rng.int(0, 2));
  const owner = b.rng.chance(0.6) ? fam.husband : fam.wife;
  const partner = owner === fam.husband ? fam.wife : fam.husband;
  const status = b.rng.weighted([['active', 85], ['revoked', 5], ['cancelled', 10]] as const);
  soleTrader(b, owner, fam.district, b.between(maxDate(addYears(owner.birthDate, 22), addYears(asOf, -15)), addMonths(asOf, -3)), status);
  if (status !== 'active' && workingAge(b, owner)) employLong(b, owner);
  if (workingAge(b, partner) && b.rng.chance(0.6)) employLong(b, partner);
}

function siblings(b: Builder): void {
  const asOf = b.asOf;
  const d = b.places.district();
  const surname = b.people.surname();
  const first = b.people.adult({ gender: randomGender(b), birthDate: b.birthAged(32, 60), home: d, surname });
  const second = b.people.person({
    gender: randomGender(b), birthDate: b.rng.dateBetween(addYears(first.birthDate, 1), addYears(first.birthDate, 8)), region: d, surname,
  });
  b.people.born(second, b.people.firstPlace(first));
  // The parents' flat, inherited in shares.
  const home = b.places.address(d, 'flat');
  const registeredOn = b.between(addYears(asOf, -10), addYears(asOf, -1));
  b.property.register({ address: home, owners: [first, second], coOwnership: 'shares', registeredOn, mortgage: false });
  const h = b.people.household(home);
  const since = addDays(registeredOn, b.rng.int(3, 60));
  b.people.join(h, first, 'head', since);
  b.people.join(h, second, 'sibling', since);
  for (const p of [first, second]) if (workingAge(b, p) && b.rng.chance(0.8)) employLong(b, p);
}

function cancelledContract(b: Builder): void {
  const fam = localHome(b, { age: [27, 50], ownership: b.rng.pick(['joint', 'none'] as const) });
  addChildren(b, fam, b.rng.int(0, 2), 15);
  const developer = b.work.developer();
  b.property.saleContract({
    buyers: [fam.husband, fam.wife], address: b.places.address(b.rng.pick(NEW_DEVELOPMENT_DISTRICTS), 'flat'),
    filedOn: b.between(maxDate(addYears(b.asOf, -4), addYears(developer.establishedOn, 1)), addMonths(b.asOf, -2)),
    developer, status: 'cancelled',
  });
}

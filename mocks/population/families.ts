/**
 * Family-sized building blocks shared by the scenario and filler builders: couples,
 * settled local households, migrant households, employers, landlords and rented flats.
 * They draw from whatever stream the builder is on (a scenario family's own, or the main
 * one for companies and fillers) and share nothing between streams: landlords are a pool
 * of the stream (`b.pool`), so a landlord lets flats only to tenants of the same stream.
 */
import type { Address, Enterprise, Household, Lease, Marriage, Person, Property, ResidencePermit } from '../../schemas/population.js';
import type { DistrictCode } from '../../src/domain/districts.js';
import { type Builder, type Home, localPrefix } from './builder/index.js';
import { addDays, addMonths, addYears, maxDate, minDate } from './dates.js';
import { COMPANY_INDUSTRIES, COMPANY_PREFIXES, DEVELOPER_SUFFIXES, TRADES, type Origin } from './names.js';

export interface Couple {
  husband: Person;
  wife: Person;
  marriage: Marriage;
}

/** A wedding date after both are of marriageable age (22 and 20) and before `before`. */
export function weddingDate(b: Builder, husbandBirth: string, wifeBirth: string, before: string): string {
  return b.between(maxDate(addYears(husbandBirth, 22), addYears(wifeBirth, 20)), before);
}

/** A local couple: the husband born in Qingdao, the wife mostly too (some from elsewhere). */
export function localCouple(b: Builder, o: {
  district: DistrictCode; husbandBirth: string; wifeBirth: string; marriedOn: string; husbandSurname?: string;
}): Couple {
  const husband = b.people.adult({
    gender: 'male', birthDate: o.husbandBirth, home: b.rng.chance(0.75) ? o.district : b.places.district(), surname: o.husbandSurname,
  });
  const wifeHome: Home = b.rng.chance(0.85) ? (b.rng.chance(0.6) ? o.district : b.places.district()) : b.places.origin();
  const wife = b.people.adult({ gender: 'female', birthDate: o.wifeBirth, home: wifeHome });
  const marriage = b.civil.marry(husband, wife, o.marriedOn, o.district);
  return { husband, wife, marriage };
}

/** A couple from outside the city (the wife mostly from the same county). */
export function migrantCouple(b: Builder, o: { origin: Origin; husbandBirth: string; wifeBirth: string; marriedOn: string }): Couple {
  const husband = b.people.adult({ gender: 'male', birthDate: o.husbandBirth, home: o.origin });
  const wife = b.people.adult({ gender: 'female', birthDate: o.wifeBirth, home: b.rng.chance(0.8) ? o.origin : b.places.origin() });
  const marriage = b.civil.marry(husband, wife, o.marriedOn, o.origin);
  return { husband, wife, marriage };
}

/** Parents of a child born on `childBirth`, married before the birth. */
export function parentsOf(b: Builder, childBirth: string, home: DistrictCode | Origin): Couple {
  const husbandBirth = b.yearsBefore(childBirth, 26, 38);
  const wifeBirth = b.yearsBefore(childBirth, 24, 36);
  const marriedOn = weddingDate(b, husbandBirth, wifeBirth, addMonths(childBirth, -10));
  return typeof home === 'string'
    ? localCouple(b, { district: home, husbandBirth, wifeBirth, marriedOn })
    : migrantCouple(b, { origin: home, husbandBirth, wifeBirth, marriedOn });
}

/**
 * Current employment (with insurance) that started at least `minMonths` + 1 months ago,
 * sometimes after an earlier job with a short gap.
 */
export function employLong(b: Builder, p: Person, minMonths = 0): Enterprise {
  const asOf = b.asOf;
  const employer = b.work.employer();
  const since = b.between(maxDate(addYears(p.birthDate, 21), addYears(asOf, -15)), addMonths(asOf, -(minMonths + 1)));
  if (b.rng.chance(0.35)) {
    const previous = b.work.employer();
    const prevEnd = addMonths(since, -b.rng.int(1, 3));
    const earliest = maxDate(addYears(p.birthDate, 20), addDays(previous.establishedOn, 30));
    if (previous !== employer && earliest <= addMonths(prevEnd, -6)) {
      b.work.employ(p, previous, b.between(maxDate(earliest, addYears(prevEnd, -8)), addMonths(prevEnd, -6)), prevEnd);
    }
  }
  b.work.employ(p, employer, since);
  return employer;
}

/** Working age: men under 60, women under 55. */
export function workingAge(b: Builder, p: Person): boolean {
  const retire = p.gender === 'male' ? 60 : 55;
  return p.birthDate > addYears(b.asOf, -retire) && p.birthDate <= addYears(b.asOf, -21);
}

export interface LocalHome extends Couple {
  district: DistrictCode;
  household: Household;
  home: Address;
  property: Property | null;
  /** When the couple's hukou moved to the home. */
  since: string;
}

/**
 * A settled local couple aged `age` with a household at their flat, which they own
 * (joint, one of them, or in shares) or not (public or company housing).
 */
export function localHome(b: Builder, o: {
  age: [number, number]; district?: DistrictCode; ownership?: 'joint' | 'sole' | 'shares' | 'none'; employ?: boolean;
}): LocalHome {
  const asOf = b.asOf;
  const district = o.district ?? b.places.district();
  const husbandBirth = b.birthAged(o.age[0], o.age[1]);
  const wifeBirth = b.rng.dateBetween(addYears(husbandBirth, -2), minDate(addYears(husbandBirth, 6), addYears(asOf, -21)));
  const marriedOn = weddingDate(b, husbandBirth, wifeBirth, minDate(addYears(husbandBirth, 34), asOf));
  const couple = localCouple(b, { district, husbandBirth, wifeBirth, marriedOn });
  const home = b.places.address(district, 'flat');
  const ownership = o.ownership ?? 'joint';
  let property: Property | null = null;
  let since: string;
  if (ownership === 'none') {
    since = b.between(marriedOn, addMonths(asOf, -1));
  } else {
    const registeredOn = b.between(maxDate(marriedOn, addYears(asOf, -22)), addMonths(asOf, -3));
    const owners = ownership === 'sole' ? [b.rng.chance(0.6) ? couple.husband : couple.wife] : [couple.husband, couple.wife];
    property = b.property.register({ address: home, owners, coOwnership: ownership === 'shares' ? 'shares' : 'joint', registeredOn });
    since = b.between(addDays(registeredOn, b.rng.int(3, 40)), asOf);
  }
  const household = b.people.household(home);
  b.people.join(household, couple.husband, 'head', since);
  b.people.join(household, couple.wife, 'spouse', since);
  if (o.employ ?? true) {
    if (workingAge(b, couple.husband) && b.rng.chance(0.92)) employLong(b, couple.husband);
    if (workingAge(b, couple.wife) && b.rng.chance(0.78)) employLong(b, couple.wife);
  }
  return { ...couple, district, household, home, property, since: household.members[0]!.since };
}

/**
 * Children of a settled couple: registered at birth at home when the household already
 * existed, else at the father's family home and moved in with the parents.
 */
export function addChildren(b: Builder, fam: LocalHome, count: number, maxAge = 20): Person[] {
  const kids: Person[] = [];
  const mother = fam.wife;
  const from = maxDate(maxDate(addYears(mother.birthDate, 22), fam.marriage.registeredOn), addYears(b.asOf, -maxAge));
  const to = minDate(addYears(mother.birthDate, 40), b.asOf);
  if (from > to) return kids;
  for (let i = 0; i < count; i++) {
    const birthDate = b.rng.dateBetween(from, to);
    const regPlace = fam.since <= birthDate ? fam.home : b.people.firstPlace(fam.husband);
    const kid = b.people.child({ mother, father: fam.husband, birthDate, regPlace });
    b.people.join(fam.household, kid, 'child', fam.since);
    kids.push(kid);
  }
  return kids;
}

// ----- employers -------------------------------------------------------------------------

const NAME_INFIXES = ['兴', '盛', '达', '华', '源', '通', '泰', '丰', '宏', '瑞', '鼎', '嘉'];

function companyName(b: Builder, suffixes: readonly string[]): () => string {
  return () => `青岛${b.rng.pick(COMPANY_PREFIXES)}${b.rng.chance(0.7) ? '' : b.rng.pick(NAME_INFIXES)}${b.rng.pick(suffixes)}`;
}

/**
 * Companies (and real-estate developers) whose legal representatives head local families;
 * they employ most of the population, so they exist before any other family.
 */
export function addCompanies(b: Builder, count: number, developers: number): void {
  const asOf = b.asOf;
  let boss: Person | null = null;
  for (let i = 0; i < count + developers; i++) {
    const developer = i >= count;
    if (!boss || b.rng.chance(0.75)) {
      const fam = localHome(b, { age: [38, 62], ownership: b.rng.pick(['joint', 'sole'] as const), employ: false });
      boss = b.rng.chance(0.8) ? fam.husband : fam.wife;
    }
    // Bosses are 38 or older, so the company is at least three years old.
    const establishedOn = b.rng.dateBetween(maxDate(addYears(asOf, -30), addYears(boss.birthDate, 25)), addYears(asOf, -3));
    const company = b.work.company({
      name: companyName(b, developer ? DEVELOPER_SUFFIXES : COMPANY_INDUSTRIES),
      district: b.places.district(), legalRep: boss, establishedOn, developer,
    });
    if (!b.work.isEmployed(boss)) b.work.employ(boss, company, company.establishedOn);
  }
  // Spouses of the bosses work too, now that employers exist.
  for (const h of [...b.people.households]) {
    for (const m of h.members) {
      const p = b.people.byIdNumber(m.idNumber)!;
      if (!b.work.isEmployed(p) && workingAge(b, p) && b.rng.chance(0.7)) employLong(b, p);
    }
  }
}

/** A sole trader (个体工商户) run by `owner` in district `d`. */
export function soleTrader(b: Builder, owner: Person, d: DistrictCode, establishedOn: string, status: Enterprise['status'] = 'active'): Enterprise {
  const surname = b.people.surnameOf(owner);
  return b.work.enterprise({
    kind: 'sole_trader',
    name: () => `${localPrefix(d)}${surname}${b.rng.pick(['记', '氏', '家'])}${b.rng.pick(TRADES)}`,
    district: d, legalRep: owner, establishedOn, status,
  });
}

// ----- renting -----------------------------------------------------------------------------

/** A landlord of the stream's pool, with how many flats they let already. */
interface Landlord {
  person: Person;
  rentals: number;
}

/** A landlord lets at most this many flats. */
const MAX_RENTALS = 3;

/**
 * A flat to let in district `d`, owned by a local landlord: a new one, or one of the
 * stream's landlords who let fewer than MAX_RENTALS flats so far.
 */
export function rentalFlat(b: Builder, d: DistrictCode): { address: Address; landlord: Person } {
  // Landlords who may let another flat, in the order they came.
  const open = b.pool('landlords', (): Landlord[] => []);
  let entry = open.length > 0 && !b.rng.chance(0.35) ? b.rng.pick(open) : undefined;
  if (!entry) {
    const fam = localHome(b, { age: [42, 72], ownership: 'joint' });
    entry = { person: b.rng.chance(0.7) ? fam.husband : fam.wife, rentals: 0 };
    open.push(entry);
  }
  const address = b.places.address(d, 'flat');
  b.property.register({ address, owners: [entry.person], registeredOn: b.between(addYears(b.asOf, -12), addYears(b.asOf, -2)) });
  if (++entry.rentals >= MAX_RENTALS) open.splice(open.indexOf(entry), 1);
  return { address, landlord: entry.person };
}

/**
 * A registered lease in district `d` valid on asOf (started 1-20 months ago, or within
 * `startBetween`, which must start less than two years ago; for two or three years),
 * sometimes after an earlier lease elsewhere in the district.
 */
export function rentFlat(b: Builder, d: DistrictCode, tenants: Person[], o: { startBetween?: [string, string] } = {}): { address: Address; startOn: string; lease: Lease } {
  const asOf = b.asOf;
  const [from, to] = o.startBetween ?? [addMonths(asOf, -20), addMonths(asOf, -1)];
  const startOn = b.between(from, to);
  if (b.rng.chance(0.35)) {
    const earlier = rentalFlat(b, d);
    const years = b.rng.pick([1, 2]);
    b.property.lease({ tenants, landlord: earlier.landlord, address: earlier.address, startOn: addYears(startOn, -years), endOn: addDays(startOn, -1) });
  }
  const { address, landlord } = rentalFlat(b, d);
  const lease = b.property.lease({ tenants, landlord, address, startOn, endOn: addDays(addYears(startOn, b.rng.pick([2, 3])), -1) });
  return { address, startOn, lease };
}

/** A residence permit valid on asOf for the rented address (issued after moving in). */
export function validPermit(b: Builder, p: Person, address: Address, movedInOn: string): ResidencePermit {
  return b.people.permit(p, address, b.between(maxDate(movedInOn, addMonths(b.asOf, -11)), addDays(b.asOf, -7)));
}

/** A migrant couple's household at the husband's place of origin, the wife moved in at marriage. */
export function migrantHousehold(b: Builder, couple: Couple): Household {
  const h = b.people.household(b.people.firstPlace(couple.husband));
  b.people.join(h, couple.husband, 'head');
  b.people.join(h, couple.wife, 'spouse', addDays(couple.marriage.registeredOn, b.rng.int(5, 90)));
  return h;
}

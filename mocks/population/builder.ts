/**
 * The generator's workbench: one Rng, the population's lists, and small primitives that
 * keep the records consistent with each other (unique numbers, hukou trails written as
 * moves, insurance periods that follow employment). Family builders (families.ts,
 * scenarios.ts, fillers.ts) are written in terms of these primitives only.
 */
import type {
  Address, Assistance, Enterprise, Household, Insurance, Lease, Marriage, Place, Person,
  Population, Property, Relation, Restriction, SaleContract, Scenario,
} from '../../schemas/population.js';
import { makeCreditCode } from '../../src/domain/credit-code.js';
import { DISTRICT_CODES, QINGDAO_DISTRICTS, districtName, type DistrictCode } from '../../src/domain/districts.js';
import { makeIdNumber } from '../../src/domain/id-number.js';
import { addDays, addYears, maxDate, minDate, schoolYearStart, yearMonth } from './dates.js';
import {
  BANKS, DISTRICT_COURTS, ETHNICITIES, HOSPITALS, INTERMEDIATE_COURT, ORIGINS, ROADS, SURNAMES, givenNames,
  type Origin,
} from './names.js';
import { Rng } from './random.js';

export type Gender = 'male' | 'female';

/** One step of a person's hukou history: registered at `place` on `date`. */
export interface Step {
  place: Place;
  date: string;
}

/** Where a person was born: a Qingdao district, or a migrant's place of origin. */
export type Home = DistrictCode | Origin;

export type AddressKind = 'flat' | 'house' | 'shop' | 'office' | 'parking';

const CODE_SYMBOLS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** How populous the districts are, roughly (new town Huangdao and Chengyang are large). */
const DISTRICT_WEIGHTS: readonly (readonly [DistrictCode, number])[] = [
  ['370202', 1], ['370203', 1.5], ['370211', 1.8], ['370212', 0.9], ['370213', 1.1],
  ['370214', 1.3], ['370215', 1], ['370281', 0.8], ['370283', 0.7], ['370285', 0.5],
];

export function isQingdaoDistrict(code: string): code is DistrictCode {
  return Object.hasOwn(QINGDAO_DISTRICTS, code);
}

export function isAddress(place: Place | null | undefined): place is Address {
  return place != null && !('outside' in place);
}

/** A canonical string for a place (key order independent). */
export function placeKey(place: Place): string {
  if (!isAddress(place)) return `outside:${place.outside}`;
  return [place.district, place.street, place.number, place.building ?? '', place.unit ?? '', place.room ?? ''].join('|');
}

export function samePlace(a: Place, b: Place): boolean {
  return placeKey(a) === placeKey(b);
}

/** Copies a place so that records never share one object. */
export function copyPlace<P extends Place>(place: P): P {
  return { ...place };
}

/** '青岛市市南区' for districts, '胶州市' for county-level cities. */
export function localPrefix(d: DistrictCode): string {
  const name = districtName(d);
  return name.endsWith('市') ? name : `青岛市${name}`;
}

export function outsideText(origin: Origin, road: string, number: number): string {
  return `${origin.province}${origin.city}${origin.county}${road}${number}号`;
}

export class Builder {
  readonly rng: Rng;
  readonly persons: Person[] = [];
  readonly households: Household[] = [];
  readonly hukouMoves: Population['hukouMoves'] = [];
  readonly residencePermits: Population['residencePermits'] = [];
  readonly properties: Property[] = [];
  readonly saleContracts: SaleContract[] = [];
  readonly leases: Lease[] = [];
  readonly employment: Population['employment'] = [];
  readonly enterprises: Enterprise[] = [];
  readonly marriages: Marriage[] = [];
  readonly assistance: Assistance[] = [];
  readonly births: Population['births'] = [];
  readonly students: Population['students'] = [];
  readonly schoolZones: Population['schoolZones'] = [];
  readonly scenarios: Scenario[] = [];

  /** Employers (companies, developers included) and developers, for the family builders. */
  readonly companies: Enterprise[] = [];
  readonly developers: Enterprise[] = [];
  /** Local owners who let flats, with how many they let already. */
  readonly landlords: { person: Person; rentals: number }[] = [];
  /** Children who live in Qingdao at an address other than their hukou (migrants' leases). */
  readonly livesAt = new Map<string, Address>();
  readonly householdOf = new Map<string, Household>();
  /** Collective households (集体户) by employer credit code. */
  readonly collectives = new Map<string, Household>();

  private readonly used = new Set<string>();
  private readonly ids = new Set<string>();
  private readonly trails = new Map<string, Step[]>();
  private readonly insuranceOf = new Map<string, Insurance>();

  constructor(readonly seed: number, readonly asOf: string) {
    this.rng = new Rng(seed);
  }

  // ----- uniqueness -------------------------------------------------------------------

  /** Draws values until one is new in its namespace, and reserves it. */
  unique(namespace: string, make: () => string): string {
    for (let i = 0; i < 10_000; i++) {
      const value = make();
      const key = `${namespace}\u0000${value}`;
      if (!this.used.has(key)) {
        this.used.add(key);
        return value;
      }
    }
    throw new Error(`population generator: ran out of unique values for ${namespace}`);
  }

  hasPerson(idNumber: string): boolean {
    return this.ids.has(idNumber);
  }

  // ----- places -----------------------------------------------------------------------

  district(): DistrictCode {
    return this.rng.weighted(DISTRICT_WEIGHTS);
  }

  otherDistrict(not: DistrictCode): DistrictCode {
    return this.rng.pick(DISTRICT_CODES.filter((d) => d !== not));
  }

  origin(): Origin {
    return this.rng.pick(ORIGINS);
  }

  /** A new address in the district, never handed out before. */
  address(d: DistrictCode, kind: AddressKind = 'flat'): Address {
    const rng = this.rng;
    const roads = ROADS[d];
    let made: Address = { district: d, street: roads[0]!, number: 1 };
    this.unique('address', () => {
      const street = rng.pick(roads);
      // Flats share door numbers (a compound has many buildings); houses and shops need more.
      const number = rng.int(1, kind === 'house' || kind === 'shop' ? 600 : 300);
      switch (kind) {
        case 'flat':
          made = { district: d, street, number, building: rng.int(1, 28), unit: rng.int(1, 4), room: `${rng.int(1, 32)}0${rng.int(1, 4)}` };
          break;
        case 'office':
          made = { district: d, street, number, building: rng.int(1, 6), room: `${rng.int(5, 28)}${String(rng.int(1, 20)).padStart(2, '0')}` };
          break;
        case 'parking':
          made = { district: d, street, number, building: rng.int(1, 20), room: `${rng.int(1, 2)}${String(rng.int(1, 299)).padStart(3, '0')}` };
          break;
        default:
          made = { district: d, street, number };
      }
      return placeKey(made);
    });
    return made;
  }

  /** A new place of origin outside the city, as free text. */
  outsidePlace(origin: Origin): { outside: string } {
    const rng = this.rng;
    const text = this.unique('outside', () => {
      const door = outsideText(origin, rng.pick(origin.roads), rng.int(1, 260));
      return rng.chance(0.4) ? door : `${door}院${rng.int(1, 20)}号楼${rng.int(1, 4)}单元${rng.int(1, 18)}0${rng.int(1, 4)}室`;
    });
    return { outside: text };
  }

  // ----- dates ------------------------------------------------------------------------

  /** A birth date for someone aged minAge..maxAge (whole years) on asOf. */
  birthAged(minAge: number, maxAge: number): string {
    return this.rng.dateBetween(addDays(addYears(this.asOf, -(maxAge + 1)), 1), addYears(this.asOf, -minAge));
  }

  /**
   * A child about to enter primary school: aged 5 or 6 on asOf and younger than 6 at the
   * start of the current school year (so not a pupil yet).
   */
  applicantBirth(): string {
    return this.rng.dateBetween(addDays(addYears(schoolYearStart(this.asOf), -6), 1), addYears(this.asOf, -5));
  }

  /** A date `minYears..maxYears` before `date` (e.g. a parent's birth before a child's). */
  yearsBefore(date: string, minYears: number, maxYears: number): string {
    return this.rng.dateBetween(addYears(date, -maxYears), addYears(date, -minYears));
  }

  /** A date in [from, to], never after asOf. */
  between(from: string, to: string): string {
    return minDate(this.rng.dateBetween(from, minDate(to, this.asOf)), this.asOf);
  }

  // ----- persons and hukou --------------------------------------------------------------

  surname(): string {
    return this.rng.weighted(SURNAMES);
  }

  /**
   * Adds a person. The ID number's region is the birth region; the sequence is odd for
   * men and even for women. A person starts with no hukou; `born` gives them one.
   */
  person(o: { gender: Gender; birthDate: string; region: string; surname?: string; given?: string; ethnicity?: string }): Person {
    const rng = this.rng;
    const compact = o.birthDate.replace(/-/g, '');
    const idNumber = this.unique('id', () => {
      const seq = o.gender === 'male' ? rng.int(0, 499) * 2 + 1 : rng.int(1, 499) * 2;
      return makeIdNumber(o.region, compact, seq);
    });
    this.ids.add(idNumber);
    const person: Person = {
      idNumber,
      name: (o.surname ?? this.surname()) + (o.given ?? rng.pick(givenNames(o.birthDate, o.gender))),
      gender: o.gender,
      birthDate: o.birthDate,
      ethnicity: o.ethnicity ?? rng.weighted(ETHNICITIES),
    };
    this.persons.push(person);
    return person;
  }

  /**
   * A valid ID number (and nothing else) that no person has or will get: for the
   * unknown-person scenario.
   */
  phantom(gender: Gender, birthDate: string, region: string): { idNumber: string } {
    const compact = birthDate.replace(/-/g, '');
    const idNumber = this.unique('id', () => {
      const seq = gender === 'male' ? this.rng.int(0, 499) * 2 + 1 : this.rng.int(1, 499) * 2;
      return makeIdNumber(region, compact, seq);
    });
    return { idNumber };
  }

  /** The surname part of a registered name (compound surnames included). */
  surnameOf(p: Person): string {
    const two = p.name.slice(0, 2);
    return SURNAMES.some(([s]) => s === two) ? two : p.name.slice(0, 1);
  }

  givenOf(p: Person): string {
    return p.name.slice(this.surnameOf(p).length);
  }

  /** Birth registration a few days to weeks after birth. */
  registrationDate(p: Person): string {
    return minDate(addDays(p.birthDate, this.rng.int(3, 45)), this.asOf);
  }

  /** Registers the person's hukou at birth at `place`. */
  born(p: Person, place: Place, date = this.registrationDate(p)): void {
    this.trails.set(p.idNumber, [{ place: copyPlace(place), date }]);
  }

  /** An adult born in a Qingdao district (family home there) or at a place of origin. */
  adult(o: { gender: Gender; birthDate: string; home: Home; surname?: string }): Person {
    const region = typeof o.home === 'string' ? o.home : o.home.region;
    const p = this.person({ gender: o.gender, birthDate: o.birthDate, region, surname: o.surname });
    const place = typeof o.home === 'string'
      ? this.address(o.home, this.rng.chance(0.3) ? 'house' : 'flat')
      : this.outsidePlace(o.home);
    this.born(p, place);
    return p;
  }

  /**
   * A child registered at birth at `regPlace` (their region follows: the district for a
   * Qingdao address, else `origin`). Children born in Qingdao get a birth certificate.
   */
  child(o: {
    mother: Person; father: Person | null; birthDate: string; regPlace: Place; origin?: Origin;
    gender?: Gender; surname?: string; given?: string;
  }): Person {
    const gender = o.gender ?? (this.rng.chance(0.52) ? 'male' : 'female');
    const region = isAddress(o.regPlace) ? o.regPlace.district : (o.origin ?? this.originOf(o.father ?? o.mother)).region;
    const surname = o.surname ?? this.surnameOf(o.father && this.rng.chance(0.93) ? o.father : o.mother);
    const p = this.person({
      gender, birthDate: o.birthDate, region, surname, given: o.given,
      ethnicity: (o.father ?? o.mother).ethnicity,
    });
    this.born(p, o.regPlace);
    if (isQingdaoDistrict(region)) this.birthRecord(p, o.mother, o.father, region);
    return p;
  }

  /** The origin a migrant's ID region points at (falls back to any). */
  originOf(p: Person): Origin {
    return ORIGINS.find((o) => o.region === p.idNumber.slice(0, 6)) ?? ORIGINS[0]!;
  }

  trailOf(p: Person): readonly Step[] {
    const trail = this.trails.get(p.idNumber);
    if (!trail) throw new Error('population generator: person has no hukou yet');
    return trail;
  }

  firstPlace(p: Person): Place {
    return this.trailOf(p)[0]!.place;
  }

  /** Moves the hukou (not into a listed household: an earlier address in the history). */
  moveTo(p: Person, place: Place, date: string): void {
    const trail = this.trails.get(p.idNumber);
    if (!trail) throw new Error('population generator: person has no hukou yet');
    const last = trail[trail.length - 1]!;
    if (samePlace(last.place, place)) return;
    trail.push({ place: copyPlace(place), date: minDate(maxDate(date, last.date), this.asOf) });
  }

  household(address: Place, kind: Household['kind'] = 'family'): Household {
    // Qingdao: the district code and five digits; elsewhere nine digits.
    const prefix = isAddress(address) ? address.district : String(this.rng.int(1, 9));
    const number = this.unique('household', () => prefix + this.rng.digits(isAddress(address) ? 5 : 8));
    const h: Household = { number, address: copyPlace(address), kind, members: [] };
    this.households.push(h);
    return h;
  }

  /**
   * Makes the person a member of the household. If their hukou is elsewhere it moves here
   * on `since` (never before their previous move); the member's `since` is the date of the
   * last move, and the whole trail is written out as hukou moves.
   */
  join(h: Household, p: Person, relation: Relation, since?: string): void {
    if (this.householdOf.has(p.idNumber)) throw new Error('population generator: person is already in a household');
    const trail = this.trails.get(p.idNumber);
    if (!trail) throw new Error('population generator: person has no hukou yet');
    const last = trail[trail.length - 1]!;
    if (!samePlace(last.place, h.address)) {
      if (since === undefined) throw new Error('population generator: a move needs a date');
      trail.push({ place: copyPlace(h.address), date: minDate(maxDate(since, last.date), this.asOf) });
    }
    this.writeMoves(p.idNumber, trail);
    h.members.push({ idNumber: p.idNumber, relation, since: trail[trail.length - 1]!.date });
    this.householdOf.set(p.idNumber, h);
  }

  /** The hukou trail as moves: a birth registration, then each move from where the last one ended. */
  private writeMoves(idNumber: string, trail: readonly Step[]): void {
    let previous: Place | null = null;
    for (const step of trail) {
      const kind = previous === null ? 'birth' : isAddress(previous) && isAddress(step.place) ? 'move_within_city' : 'move_in';
      this.hukouMoves.push({
        idNumber, date: step.date, kind,
        from: previous === null ? null : copyPlace(previous), to: copyPlace(step.place),
      });
      previous = step.place;
    }
  }

  /**
   * Persons who never joined a household (the deceased: their registration was cancelled)
   * still have the history they had: at least their birth registration.
   */
  writeRemainingMoves(): void {
    for (const p of this.persons) {
      const trail = this.trails.get(p.idNumber);
      if (trail && !this.householdOf.has(p.idNumber)) this.writeMoves(p.idNumber, trail);
    }
  }

  // ----- civil records ------------------------------------------------------------------

  marry(a: Person, b: Person, registeredOn: string, home: Home): Marriage {
    const authority = typeof home === 'string' ? `${localPrefix(home)}民政局` : `${home.city}${home.county}民政局`;
    const m: Marriage = {
      spouses: [a.idNumber, b.idNumber], registeredOn: minDate(registeredOn, this.asOf),
      status: 'married', divorcedOn: null, authority,
    };
    this.marriages.push(m);
    return m;
  }

  birthRecord(child: Person, mother: Person, father: Person | null, d: DistrictCode): void {
    const certificateNumber = this.unique('birth', () => `Q${this.rng.int(1, 9)}${this.rng.digits(8)}`);
    this.births.push({
      certificateNumber, childIdNumber: child.idNumber, motherIdNumber: mother.idNumber,
      fatherIdNumber: father?.idNumber ?? null, birthDate: child.birthDate, hospital: this.rng.pick(HOSPITALS[d]),
    });
  }

  assist(p: Person, kind: Assistance['kind'], since: string, validUntil: string): void {
    this.assistance.push({ idNumber: p.idNumber, kind, since, validUntil });
  }

  /** A residence permit at a Qingdao address, issued on `issuedOn`, valid one year. */
  permit(p: Person, address: Address, issuedOn: string, rng: Rng = this.rng): void {
    const d = address.district as DistrictCode;
    const number = this.unique('permit', () => `${d}${issuedOn.slice(0, 4)}${rng.digits(6)}`);
    const name = districtName(d);
    this.residencePermits.push({
      number, idNumber: p.idNumber, address: copyPlace(address), issuedOn,
      validUntil: addDays(addYears(issuedOn, 1), -1),
      authority: name.endsWith('市') ? `${name}公安局` : `青岛市公安局${name}分局`,
    });
  }

  // ----- property -----------------------------------------------------------------------

  certificateNumber(year: string, kind: '不动产权' | '不动产证明' = '不动产权', rng: Rng = this.rng): string {
    const serial = this.unique('cert', () => rng.digits(7));
    return `鲁(${year})青岛市${kind}第${serial}号`;
  }

  property(o: {
    address: Address; owners: Person[]; coOwnership?: Property['coOwnership']; registeredOn: string;
    use?: Property['use']; areaM2?: number; mortgage?: boolean;
  }): Property {
    const rng = this.rng;
    const use = o.use ?? 'residential';
    const coOwnership = o.owners.length === 1 ? 'sole' : o.coOwnership ?? 'joint';
    const shares = coOwnership === 'shares' ? this.shareSplit(o.owners.length) : null;
    const area = o.areaM2 ?? (use === 'parking' ? rng.int(1200, 1650) / 100
      : use === 'residential' ? rng.int(4500, 16500) / 100 : rng.int(3000, 30000) / 100);
    const registeredOn = minDate(o.registeredOn, this.asOf);
    const p: Property = {
      certificateNumber: this.certificateNumber(registeredOn.slice(0, 4)),
      address: copyPlace(o.address),
      areaM2: area,
      use,
      coOwnership,
      owners: o.owners.map((owner, i) => (shares ? { idNumber: owner.idNumber, sharePercent: shares[i]! } : { idNumber: owner.idNumber })),
      registeredOn,
      restrictions: [],
    };
    if (o.mortgage ?? rng.chance(0.3)) this.mortgage(p);
    this.properties.push(p);
    return p;
  }

  private shareSplit(n: number): number[] {
    if (n === 2) return this.rng.pick([[50, 50], [60, 40], [70, 30], [80, 20]]);
    if (n === 3) return this.rng.pick([[40, 30, 30], [50, 25, 25], [34, 33, 33]]);
    const base = Math.floor(100 / n);
    return Array.from({ length: n }, (_, i) => (i === 0 ? 100 - base * (n - 1) : base));
  }

  /** A bank mortgage registered with the property (or on `on`), for a loan still running. */
  mortgage(p: Property, on = p.registeredOn): void {
    const years = this.rng.pick([15, 20, 25, 30]);
    let until = addDays(addYears(on, years), -1);
    if (until <= this.asOf) until = addDays(addYears(this.asOf, this.rng.int(1, 8)), -1);
    p.restrictions.push({
      kind: 'mortgage', registeredOn: on, until, authority: this.rng.pick(BANKS),
      reference: this.certificateNumber(on.slice(0, 4), '不动产证明'),
    });
  }

  /** A court seizure (查封) registered in the last two years, running three years. */
  seize(p: Property): Restriction {
    const d = p.address.district as DistrictCode;
    const registeredOn = this.between(maxDate(addDays(p.registeredOn, 30), addYears(this.asOf, -2)), addDays(this.asOf, -7));
    const intermediate = this.rng.chance(0.25);
    const court = intermediate ? INTERMEDIATE_COURT : DISTRICT_COURTS[d];
    const courtCode = intermediate ? '02' : d.slice(2);
    const r: Restriction = {
      kind: 'seizure', registeredOn, until: addDays(addYears(registeredOn, 3), -1), authority: court,
      reference: `(${registeredOn.slice(0, 4)})鲁${courtCode}执${this.rng.int(100, 9999)}号`,
    };
    p.restrictions.push(r);
    return r;
  }

  saleContract(o: { buyers: Person[]; address: Address; filedOn: string; developer: Enterprise; status?: SaleContract['status']; areaM2?: number }): SaleContract {
    const area = o.areaM2 ?? this.rng.int(6000, 14500) / 100;
    const yuanPerM2 = this.rng.int(12_000, 45_000);
    const c: SaleContract = {
      contractNumber: this.unique('contract', () => `WQ${o.filedOn.slice(0, 4)}${o.address.district.slice(2)}${this.rng.digits(6)}`),
      buyers: o.buyers.map((b) => b.idNumber),
      address: copyPlace(o.address),
      filedOn: o.filedOn,
      priceFen: Math.round(area * yuanPerM2) * 100,
      developerCreditCode: o.developer.creditCode,
      status: o.status ?? 'filed',
    };
    this.saleContracts.push(c);
    return c;
  }

  lease(o: { tenants: Person[]; landlord: Person; address: Address; startOn: string; endOn: string }): Lease {
    const l: Lease = {
      registrationNumber: this.unique('lease', () => `ZL${o.address.district}${o.startOn.slice(0, 4)}${this.rng.digits(5)}`),
      tenants: o.tenants.map((t) => t.idNumber),
      landlordIdNumber: o.landlord.idNumber,
      address: copyPlace(o.address),
      startOn: o.startOn,
      endOn: o.endOn,
      monthlyRentFen: this.rng.int(12, 60) * 10_000,
    };
    this.leases.push(l);
    return l;
  }

  // ----- enterprises and work -----------------------------------------------------------

  /** A company ('9','1') or sole trader ('9','2') with a valid GB 32100 code. */
  enterprise(o: {
    kind: Enterprise['kind']; name: () => string; district: DistrictCode; legalRep: Person; establishedOn: string;
    address?: Address; status?: Enterprise['status'];
  }): Enterprise {
    const rng = this.rng;
    const creditCode = this.unique('credit', () => {
      const body = o.establishedOn >= '2015-10-01'
        ? `MA${Array.from({ length: 6 }, () => rng.pick([...CODE_SYMBOLS])).join('')}`
        : rng.digits(8);
      return makeCreditCode('9', o.kind === 'company' ? '1' : '2', o.district, body);
    });
    const e: Enterprise = {
      creditCode,
      name: this.unique('enterprise-name', o.name),
      kind: o.kind,
      status: o.status ?? 'active',
      establishedOn: minDate(o.establishedOn, this.asOf),
      legalRepresentativeIdNumber: o.legalRep.idNumber,
      address: copyPlace(o.address ?? this.address(o.district, o.kind === 'company' ? 'office' : 'shop')),
    };
    if (o.kind === 'company') e.registeredCapitalFen = rng.pick([50, 100, 200, 500, 1000, 3000, 5000]) * 10_000 * 100;
    this.enterprises.push(e);
    return e;
  }

  employer(): Enterprise {
    return this.rng.pick(this.companies);
  }

  /**
   * Employment from `since` (not before the employer existed) until `until` (null: still
   * employed), with social insurance paid in Qingdao for the same months.
   */
  employ(p: Person, employer: Enterprise, since: string, until: string | null = null): void {
    const start = minDate(maxDate(since, addDays(employer.establishedOn, 30)), this.asOf);
    if (until !== null && start > until) return;
    this.employment.push({ idNumber: p.idNumber, employerCreditCode: employer.creditCode, since: start, until });
    this.insure(p, employer, yearMonth(start), yearMonth(until ?? this.asOf));
  }

  insure(p: Person, employer: Enterprise, from: string, to: string): void {
    let record = this.insuranceOf.get(p.idNumber);
    if (!record) {
      record = { idNumber: p.idNumber, periods: [] };
      this.insuranceOf.set(p.idNumber, record);
    }
    record.periods.push({ from, to, employerCreditCode: employer.creditCode, city: '青岛市', baseFen: this.rng.int(4_400, 15_000) * 100 });
  }

  // ----- result -------------------------------------------------------------------------

  population(): Population {
    const insurance = [...this.insuranceOf.values()].map((r) => ({
      idNumber: r.idNumber,
      periods: [...r.periods].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0)),
    }));
    return {
      schemaVersion: 1,
      seed: this.seed,
      asOf: this.asOf,
      persons: this.persons,
      households: this.households,
      hukouMoves: this.hukouMoves,
      residencePermits: this.residencePermits,
      properties: this.properties,
      saleContracts: this.saleContracts,
      leases: this.leases,
      insurance,
      employment: this.employment,
      enterprises: this.enterprises,
      marriages: this.marriages,
      assistance: this.assistance,
      births: this.births,
      students: this.students,
      schoolZones: this.schoolZones,
      scenarios: this.scenarios,
    };
  }
}


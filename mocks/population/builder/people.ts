/**
 * Persons and their hukou: ID numbers (region of birth, odd sequence for men), names,
 * registration at birth, the trail of moves that leads each person to their household
 * (written out as hukou moves when they join it), and residence permits. A person belongs to
 * at most one household; the deceased belong to none but keep their history.
 */
import type { Address, Household, Person, Place, Population, Relation, ResidencePermit } from '../../../schemas/population.js';
import { districtName, type DistrictCode } from '../../../src/domain/districts.js';
import { makeIdNumber, maskIdNumber } from '../../../src/domain/id-number.js';
import { addDays, addYears, maxDate, minDate } from '../dates.js';
import { ETHNICITIES, ORIGINS, SURNAMES, givenNames, type Origin } from '../names.js';
import type { CivilRecords } from './civil.js';
import type { Core } from './core.js';
import { copyPlace, isAddress, isQingdaoDistrict, placeKey, samePlace, type Home, type Places } from './places.js';

export type Gender = 'male' | 'female';

/** One step of a person's hukou history: registered at `place` on `date`. */
export interface Step {
  place: Place;
  date: string;
}

export class People {
  private readonly list: Person[] = [];
  private readonly householdList: Household[] = [];
  private readonly collectives = new Map<string, Household>();
  private readonly moves: Population['hukouMoves'] = [];
  private readonly permits: ResidencePermit[] = [];
  private readonly byId = new Map<string, Person>();
  private readonly trails = new Map<string, Step[]>();
  private readonly memberOf = new Map<string, Household>();
  /** Where people live in Qingdao when it is not their hukou address (migrants' children). */
  private readonly residence = new Map<string, Address>();
  /** Each parent's children, so that a newborn's ID number is told apart from its kin's. */
  private readonly childrenOf = new Map<string, Person[]>();

  constructor(private readonly core: Core, private readonly places: Places, private readonly civil: CivilRecords) {}

  get persons(): readonly Person[] {
    return this.list;
  }

  get households(): readonly Household[] {
    return this.householdList;
  }

  byIdNumber(idNumber: string): Person | undefined {
    return this.byId.get(idNumber);
  }

  // ----- persons ----------------------------------------------------------------------

  surname(): string {
    return this.core.rng.weighted(SURNAMES);
  }

  /**
   * Adds a person. The ID number's region is the birth region; the sequence is odd for
   * men and even for women. A person starts with no hukou; `born` gives them one.
   */
  person(o: {
    gender: Gender; birthDate: string; region: string; surname?: string; given?: string; ethnicity?: string;
    /** Masked ID numbers (maskIdNumber) this person's must not have. */
    unlike?: ReadonlySet<string>;
  }): Person {
    const rng = this.core.rng;
    const idNumber = this.newIdNumber(o.gender, o.birthDate, o.region, o.unlike);
    const person: Person = {
      idNumber,
      name: (o.surname ?? this.surname()) + (o.given ?? rng.pick(givenNames(o.birthDate, o.gender))),
      gender: o.gender,
      birthDate: o.birthDate,
      ethnicity: o.ethnicity ?? rng.weighted(ETHNICITIES),
    };
    this.list.push(person);
    this.byId.set(idNumber, person);
    return person;
  }

  /**
   * A valid ID number (and nothing else) that no person has or will get: for the
   * unknown-person scenario.
   */
  phantom(gender: Gender, birthDate: string, region: string): { idNumber: string } {
    return { idNumber: this.newIdNumber(gender, birthDate, region) };
  }

  private newIdNumber(gender: Gender, birthDate: string, region: string, unlike?: ReadonlySet<string>): string {
    const rng = this.core.rng;
    const compact = birthDate.replace(/-/g, '');
    return this.core.unique('id', () => {
      for (;;) {
        const seq = gender === 'male' ? rng.int(0, 499) * 2 + 1 : rng.int(1, 499) * 2;
        const id = makeIdNumber(region, compact, seq);
        if (!unlike?.has(maskIdNumber(id))) return id;
      }
    });
  }

  /** An adult born in a Qingdao district (family home there) or at a place of origin. */
  adult(o: { gender: Gender; birthDate: string; home: Home; surname?: string }): Person {
    const region = typeof o.home === 'string' ? o.home : o.home.region;
    const p = this.person({ gender: o.gender, birthDate: o.birthDate, region, surname: o.surname });
    const place = typeof o.home === 'string'
      ? this.places.address(o.home, this.core.rng.chance(0.3) ? 'house' : 'flat')
      : this.places.outside(o.home);
    this.born(p, place);
    return p;
  }

  /**
   * A child registered at birth at `regPlace` (their region follows: the district for a
   * Qingdao address, else `origin`), on `registeredOn` if given. Children born in Qingdao
   * get a birth certificate, unless `birthCertificate` is false (born in a hospital of
   * another city, whose certificate no Qingdao registry holds). The child's masked ID
   * number (first 6 and last 4, as household registers and certificates list people) is
   * never a parent's or a sibling's: a household's members stay told apart.
   */
  child(o: {
    mother: Person; father: Person | null; birthDate: string; regPlace: Place; origin?: Origin;
    gender?: Gender; surname?: string; given?: string; registeredOn?: string; birthCertificate?: boolean;
  }): Person {
    const rng = this.core.rng;
    const gender = o.gender ?? (rng.chance(0.52) ? 'male' : 'female');
    const region = isAddress(o.regPlace) ? o.regPlace.district : (o.origin ?? this.originOf(o.father ?? o.mother)).region;
    const surname = o.surname ?? this.surnameOf(o.father && rng.chance(0.93) ? o.father : o.mother);
    const kin = [o.mother, o.father].flatMap((parent) => (parent ? [parent, ...(this.childrenOf.get(parent.idNumber) ?? [])] : []));
    const p = this.person({
      gender, birthDate: o.birthDate, region, surname, given: o.given,
      ethnicity: (o.father ?? o.mother).ethnicity, unlike: new Set(kin.map((k) => maskIdNumber(k.idNumber))),
    });
    for (const parent of [o.mother, o.father]) {
      if (parent) this.childrenOf.set(parent.idNumber, [...(this.childrenOf.get(parent.idNumber) ?? []), p]);
    }
    this.born(p, o.regPlace, o.registeredOn);
    if (isQingdaoDistrict(region) && o.birthCertificate !== false) this.civil.birth(p, o.mother, o.father, region);
    return p;
  }

  /** The surname part of a registered name (compound surnames included). */
  surnameOf(p: Person): string {
    const two = p.name.slice(0, 2);
    return SURNAMES.some(([s]) => s === two) ? two : p.name.slice(0, 1);
  }

  givenOf(p: Person): string {
    return p.name.slice(this.surnameOf(p).length);
  }

  /** Changes the registered name (before anything quotes it). */
  rename(p: Person, name: string): void {
    p.name = name;
  }

  /** Records a death; the person then leaves no household (their registration was cancelled). */
  decease(p: Person, on: string): void {
    if (this.memberOf.has(p.idNumber)) throw new Error('population generator: a household member cannot die');
    p.deceasedOn = on;
  }

  /** The origin a migrant's ID region points at (falls back to any). */
  originOf(p: Person): Origin {
    return ORIGINS.find((o) => o.region === p.idNumber.slice(0, 6)) ?? ORIGINS[0]!;
  }

  // ----- hukou ------------------------------------------------------------------------

  /** Birth registration a few days to weeks after birth. */
  registrationDate(p: Person): string {
    return minDate(addDays(p.birthDate, this.core.rng.int(3, 45)), this.core.asOf);
  }

  /** Registers the person's hukou at birth at `place`. */
  born(p: Person, place: Place, date = this.registrationDate(p)): void {
    this.trails.set(p.idNumber, [{ place: copyPlace(place), date }]);
  }

  firstPlace(p: Person): Place {
    return this.trail(p)[0]!.place;
  }

  /** When the person's hukou was first registered (at birth, for the born here). */
  firstDate(p: Person): string {
    return this.trail(p)[0]!.date;
  }

  /** Moves the hukou (not into a listed household: an earlier address in the history). */
  moveTo(p: Person, place: Place, date: string): void {
    const trail = this.trail(p);
    const last = trail[trail.length - 1]!;
    if (samePlace(last.place, place)) return;
    trail.push({ place: copyPlace(place), date: minDate(maxDate(date, last.date), this.core.asOf) });
  }

  household(address: Place, kind: Household['kind'] = 'family'): Household {
    const rng = this.core.rng;
    // Qingdao: the district code and five digits; elsewhere nine digits.
    const prefix = isAddress(address) ? address.district : String(rng.int(1, 9));
    const number = this.core.unique('household', () => prefix + rng.digits(isAddress(address) ? 5 : 8));
    const h: Household = { number, address: copyPlace(address), kind, members: [] };
    this.householdList.push(h);
    return h;
  }

  /** The collective household (集体户) at an employer's address: one per address, made when first needed. */
  collectiveAt(address: Address): Household {
    const key = placeKey(address);
    let h = this.collectives.get(key);
    if (!h) {
      h = this.household(address, 'collective');
      this.collectives.set(key, h);
    }
    return h;
  }

  /**
   * Makes the person a member of the household. If their hukou is elsewhere it moves here
   * on `since` (never before their previous move); the member's `since` is the date of the
   * last move, and the whole trail is written out as hukou moves.
   */
  join(h: Household, p: Person, relation: Relation, since?: string): void {
    if (this.memberOf.has(p.idNumber)) throw new Error('population generator: person is already in a household');
    if (p.deceasedOn !== undefined) throw new Error('population generator: the deceased join no household');
    const trail = this.trail(p);
    const last = trail[trail.length - 1]!;
    if (!samePlace(last.place, h.address)) {
      if (since === undefined) throw new Error('population generator: a move needs a date');
      trail.push({ place: copyPlace(h.address), date: minDate(maxDate(since, last.date), this.core.asOf) });
    }
    this.writeMoves(p.idNumber, trail);
    h.members.push({ idNumber: p.idNumber, relation, since: trail[trail.length - 1]!.date });
    this.memberOf.set(p.idNumber, h);
  }

  /** Records that the person lives at `address` in Qingdao (not their hukou address). */
  livesAt(p: Person, address: Address): void {
    this.residence.set(p.idNumber, address);
  }

  /** Where the person lives in Qingdao: a recorded residence, else a Qingdao hukou address. */
  residenceOf(p: Person): Address | undefined {
    const h = this.memberOf.get(p.idNumber);
    return this.residence.get(p.idNumber) ?? (h && isAddress(h.address) ? h.address : undefined);
  }

  /**
   * Persons who never joined a household (the deceased: their registration was cancelled)
   * still have the history they had: at least their birth registration.
   */
  writeRemainingMoves(): void {
    for (const p of this.list) {
      const trail = this.trails.get(p.idNumber);
      if (trail && !this.memberOf.has(p.idNumber)) this.writeMoves(p.idNumber, trail);
    }
  }

  /** The hukou trail as moves: a birth registration, then each move from where the last one ended. */
  private writeMoves(idNumber: string, trail: readonly Step[]): void {
    let previous: Place | null = null;
    for (const step of trail) {
      const kind = previous === null ? 'birth' : isAddress(previous) && isAddress(step.place) ? 'move_within_city' : 'move_in';
      this.moves.push({
        idNumber, date: step.date, kind,
        from: previous === null ? null : copyPlace(previous), to: copyPlace(step.place),
      });
      previous = step.place;
    }
  }

  private trail(p: Person): Step[] {
    const trail = this.trails.get(p.idNumber);
    if (!trail) throw new Error('population generator: person has no hukou yet');
    return trail;
  }

  // ----- residence permits --------------------------------------------------------------

  /**
   * A residence permit (居住证) at a Qingdao address, issued on `issuedOn`, valid one year
   * (up to `validUntil` when given).
   */
  permit(p: Person, address: Address, issuedOn: string, validUntil = addDays(addYears(issuedOn, 1), -1)): ResidencePermit {
    const rng = this.core.rng;
    const d = address.district as DistrictCode;
    const number = this.core.unique('permit', () => `${d}${issuedOn.slice(0, 4)}${rng.digits(6)}`);
    const name = districtName(d);
    const permit: ResidencePermit = {
      number, idNumber: p.idNumber, address: copyPlace(address), issuedOn, validUntil,
      authority: name.endsWith('市') ? `${name}公安局` : `青岛市公安局${name}分局`,
    };
    this.permits.push(permit);
    return permit;
  }

  get residencePermits(): readonly ResidencePermit[] {
    return this.permits;
  }

  records(): Pick<Population, 'persons' | 'households' | 'hukouMoves' | 'residencePermits'> {
    return { persons: this.list, households: this.householdList, hukouMoves: this.moves, residencePermits: this.permits };
  }
}

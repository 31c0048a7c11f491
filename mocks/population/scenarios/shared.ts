/**
 * What several scenario families start from: a local family in a flat it owns, and a migrant
 * family renting in Qingdao, each with a child about to start primary school (or older, when
 * the family says), and the school such a family applies to.
 */
import type { Address, Lease, Person, Property, ResidencePermit, SchoolZone } from '../../../schemas/population.js';
import type { DistrictCode } from '../../../src/domain/districts.js';
import type { Builder } from '../builder/index.js';
import { addDays, addMonths, addYears, maxDate, minDate } from '../dates.js';
import { employLong, migrantHousehold, parentsOf, rentalFlat, rentFlat, validPermit } from '../families.js';
import { givenNames, type Origin } from '../names.js';
import { zoneSchool } from '../schools.js';
import type { ScenarioMember } from './registry.js';

/** A member as a platform sends them: the registered name. */
export function member(ref: string, p: Person): ScenarioMember {
  return { ref, idNumber: p.idNumber, name: p.name };
}

/** The three members every applicant family sends. */
export function childAndParents(f: { child: Person; father: Person; mother: Person }): ScenarioMember[] {
  return [member('child', f.child), member('father', f.father), member('mother', f.mother)];
}

/** The code of the school zoned for `address` at `level` (primary unless said). */
export function schoolFor(b: Builder, address: Address, level: SchoolZone['level'] = 'primary'): string {
  return zoneSchool(b, address, level).schoolCode;
}

export interface OwnHomeFamily {
  district: DistrictCode;
  father: Person;
  mother: Person;
  child: Person;
  /** The second of twins, when the family has them. */
  twin: Person | undefined;
  /** The flat: the property's address and the family's hukou address. */
  home: Address;
  property: Property;
  /** When the child's hukou moved to the property. */
  since: string;
}

export interface OwnHomeOptions {
  /** When the flat was registered (a date drawn in this range). */
  registeredBetween: [string, string];
  /** When the family's hukou moved there (default: 5-40 days after the registration). */
  moveOn?: (registeredOn: string) => string;
  /** Where the family lives (default: any district). */
  district?: DistrictCode;
  /** The child's birth date (default: about to start primary school). */
  childBirth?: string;
  /** Both parents own the flat, jointly (default: both, or one of them). */
  jointly?: boolean;
  /** Whether a bank mortgage is registered on the flat (default: drawn). */
  mortgage?: boolean;
  /** false: the child was born outside the city's hospitals (no Qingdao birth certificate). */
  birthCertificate?: boolean;
  /** The child has a twin, born the same day. */
  twin?: boolean;
}

/**
 * A local family with a child about to start primary school, living in a flat the
 * parents own, both parents employed and insured for more than 24 months. The options
 * that are not given draw nothing, so the families that give none stay the same.
 */
export function ownHomeFamily(b: Builder, o: OwnHomeOptions): OwnHomeFamily {
  const district = o.district ?? b.places.district();
  const childBirth = o.childBirth ?? b.applicantBirth();
  const { husband: father, wife: mother } = parentsOf(b, childBirth, district);
  const home = b.places.address(district, 'flat');
  const registeredOn = b.between(o.registeredBetween[0], o.registeredBetween[1]);
  const owners = o.jointly || b.rng.chance(0.6) ? [father, mother] : [b.rng.chance(0.65) ? father : mother];
  const property = b.property.register({ address: home, owners, coOwnership: 'joint', registeredOn, mortgage: o.mortgage });
  const moveOn = o.moveOn ? o.moveOn(registeredOn) : minDate(addDays(registeredOn, b.rng.int(5, 40)), b.asOf);
  const household = b.people.household(home);
  const regPlace = moveOn <= childBirth ? home : b.people.firstPlace(father);
  const child = b.people.child({ mother, father, birthDate: childBirth, regPlace, birthCertificate: o.birthCertificate });
  let twin: Person | undefined;
  if (o.twin) {
    const gender = b.rng.chance(0.52) ? 'male' : 'female';
    const given = b.rng.pick(givenNames(childBirth, gender).filter((g) => g !== b.people.givenOf(child)));
    twin = b.people.child({
      mother, father, birthDate: childBirth, regPlace, gender, surname: b.people.surnameOf(child), given,
      registeredOn: b.people.firstDate(child),
    });
  }
  b.people.join(household, father, 'head', moveOn);
  b.people.join(household, mother, 'spouse', moveOn);
  b.people.join(household, child, 'child', moveOn);
  if (twin) b.people.join(household, twin, 'child', moveOn);
  employLong(b, father, 24);
  employLong(b, mother, 24);
  return { district, father, mother, child, twin, home, property, since: household.members[2]!.since };
}

/** 'jointly owned' or 'own', for a description. */
export function ownership(p: Property): string {
  return p.owners.length > 1 ? 'jointly owned' : 'own';
}

export interface MigrantFamily {
  origin: Origin;
  /** Where the family rents. */
  district: DistrictCode;
  /** The rented flat (the latest lease's). */
  home: Address;
  /** The family's latest lease. */
  lease: Lease;
  father: Person;
  mother: Person;
  child: Person;
  /** The parents' residence permits for the rented flat (father's, mother's). */
  permits: [ResidencePermit, ResidencePermit];
}

export interface MigrantOptions {
  /**
   * 'active' (default): a lease valid today, sometimes after an earlier one; 'ended': the
   * family's only lease ended 1-8 months ago.
   */
  lease?: 'active' | 'ended';
  /**
   * 'valid' (default): valid today; 'expired': ran out in the last six months (the lease
   * is then active, having started 19-23 months ago).
   */
  permits?: 'valid' | 'expired';
}

/**
 * A migrant family with a child about to start school: hukou at the father's place of
 * origin (father head, mother spouse, children child), renting in Qingdao with a registered
 * lease and residence permits for the flat. Nobody is employed yet: each family decides.
 */
export function migrantFamily(b: Builder, o: MigrantOptions = {}): MigrantFamily {
  const asOf = b.asOf;
  const origin = b.places.origin();
  const childBirth = b.applicantBirth();
  const couple = parentsOf(b, childBirth, origin);
  const h = migrantHousehold(b, couple);
  const child = b.people.child({ mother: couple.wife, father: couple.husband, birthDate: childBirth, regPlace: h.address, origin });
  b.people.join(h, child, 'child');
  const kids = [child];
  const olderFrom = maxDate(addDays(couple.marriage.registeredOn, 300), addYears(childBirth, -8));
  if (b.rng.chance(0.3) && olderFrom <= addYears(childBirth, -2)) {
    const older = b.people.child({
      mother: couple.wife, father: couple.husband, birthDate: b.rng.dateBetween(olderFrom, addYears(childBirth, -2)), regPlace: h.address, origin,
    });
    b.people.join(h, older, 'child');
    kids.push(older);
  }
  const district = b.places.district();
  const tenants = [couple.husband, couple.wife];
  let home: Address;
  let lease: Lease;
  let permits: [ResidencePermit, ResidencePermit];
  if (o.lease === 'ended') {
    // The only lease: one or two years, ended 1-8 months ago; permits issued while it ran.
    const flat = rentalFlat(b, district);
    const endOn = b.between(addMonths(asOf, -8), addMonths(asOf, -1));
    const startOn = addDays(addYears(endOn, -b.rng.pick([1, 2])), 1);
    home = flat.address;
    lease = b.property.lease({ tenants, landlord: flat.landlord, address: home, startOn, endOn });
    const issue = (p: Person) => b.people.permit(p, home, b.between(maxDate(startOn, addMonths(asOf, -11)), endOn));
    permits = [issue(couple.husband), issue(couple.wife)];
  } else if (o.permits === 'expired') {
    // Permits issued a year before they ran out (in the last six months), after moving in.
    ({ address: home, lease } = rentFlat(b, district, tenants, { startBetween: [addMonths(asOf, -23), addMonths(asOf, -19)] }));
    const expire = (p: Person) => {
      const validUntil = b.between(addMonths(asOf, -6), addDays(asOf, -1));
      return b.people.permit(p, home, addDays(addYears(validUntil, -1), 1), validUntil);
    };
    permits = [expire(couple.husband), expire(couple.wife)];
  } else {
    const rented = rentFlat(b, district, tenants);
    home = rented.address;
    lease = rented.lease;
    permits = [validPermit(b, couple.husband, home, rented.startOn), validPermit(b, couple.wife, home, rented.startOn)];
  }
  for (const k of kids) b.people.livesAt(k, home);
  return { origin, district, home, lease, father: couple.husband, mother: couple.wife, child, permits };
}

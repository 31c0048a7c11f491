/**
 * What several scenario families start from: a local family in a flat it owns, and a migrant
 * family renting in Qingdao, each with a child about to start primary school.
 */
import type { Address, Person, Property, SchoolZone } from '../../../schemas/population.js';
import type { DistrictCode } from '../../../src/domain/districts.js';
import type { Builder } from '../builder/index.js';
import { addDays, addYears, maxDate, minDate } from '../dates.js';
import { employLong, migrantHousehold, parentsOf, rentFlat, validPermit } from '../families.js';
import type { Origin } from '../names.js';
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
  /** The flat: the property's address and the family's hukou address. */
  home: Address;
  property: Property;
  /** When the child's hukou moved to the property. */
  since: string;
}

/**
 * A local family with a child about to start primary school, living in a flat the
 * parents own, both parents employed and insured for more than 24 months.
 */
export function ownHomeFamily(b: Builder, o: { registeredBetween: [string, string]; moveOn?: (registeredOn: string) => string }): OwnHomeFamily {
  const district = b.places.district();
  const childBirth = b.applicantBirth();
  const { husband: father, wife: mother } = parentsOf(b, childBirth, district);
  const home = b.places.address(district, 'flat');
  const registeredOn = b.between(o.registeredBetween[0], o.registeredBetween[1]);
  const owners = b.rng.chance(0.6) ? [father, mother] : [b.rng.chance(0.65) ? father : mother];
  const property = b.property.register({ address: home, owners, coOwnership: 'joint', registeredOn });
  const moveOn = o.moveOn ? o.moveOn(registeredOn) : minDate(addDays(registeredOn, b.rng.int(5, 40)), b.asOf);
  const household = b.people.household(home);
  const regPlace = moveOn <= childBirth ? home : b.people.firstPlace(father);
  const child = b.people.child({ mother, father, birthDate: childBirth, regPlace });
  b.people.join(household, father, 'head', moveOn);
  b.people.join(household, mother, 'spouse', moveOn);
  b.people.join(household, child, 'child', moveOn);
  employLong(b, father, 24);
  employLong(b, mother, 24);
  return { district, father, mother, child, home, property, since: household.members[2]!.since };
}

/** 'jointly owned' or 'own', for a description. */
export function ownership(p: Property): string {
  return p.owners.length > 1 ? 'jointly owned' : 'own';
}

export interface MigrantFamily {
  origin: Origin;
  /** Where the family rents. */
  district: DistrictCode;
  /** The rented flat. */
  home: Address;
  father: Person;
  mother: Person;
  child: Person;
}

/**
 * A migrant family with a child about to start school: hukou at the father's place of
 * origin, renting in Qingdao with a registered lease and valid residence permits. Nobody is
 * employed yet: each family decides.
 */
export function migrantFamily(b: Builder): MigrantFamily {
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
  const { address, startOn } = rentFlat(b, district, [couple.husband, couple.wife]);
  validPermit(b, couple.husband, address, startOn);
  validPermit(b, couple.wife, address, startOn);
  for (const k of kids) b.people.livesAt(k, address);
  return { origin, district, home: address, father: couple.husband, mother: couple.wife, child };
}

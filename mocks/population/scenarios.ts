/**
 * Scenario families: small families built so that one admission rule (or one failure of
 * the registries) shows in the data. Each builder adds its family to the population and
 * returns the scenario record: what an enrollment platform would send about them.
 */
import type { Person, Property, Scenario, ScenarioFamily } from '../../schemas/population.js';
import { districtName, type DistrictCode } from '../../src/domain/districts.js';
import type { Builder, Gender } from './builder.js';
import { addDays, addMonths, addYears, maxDate, minDate, monthsInclusive, yearMonth } from './dates.js';
import {
  addChildren, employLong, localCouple, localHome, migrantHousehold, parentsOf, rentFlat, soleTrader, validPermit,
  weddingDate,
} from './families.js';
import { NEW_DEVELOPMENT_DISTRICTS, SURNAMES, givenNames, homophoneVariant } from './names.js';

/** One English sentence per family: what it exemplifies. */
export const FAMILY_DESCRIPTIONS: Readonly<Record<ScenarioFamily, string>> = {
  'house-hukou-match': "The child's hukou has been for over a year at a flat the parents own (房户一致), and the married parents have been employed and insured for at least 24 months.",
  'hukou-at-grandparents': "The child's hukou is in the grandparents' household at the grandparents' own flat, not at a property of the parents.",
  'migrant-lease-permit': 'A family with hukou outside Qingdao whose parents hold valid residence permits, a registered lease valid today and at least 12 months of continuous social insurance.',
  'short-insurance': 'A migrant family with permits and a valid lease whose parents have fewer than 12 continuous months of social insurance up to today.',
  'contract-no-certificate': 'The parents have a filed purchase contract for a new flat but no property certificate for it.',
  'divorced-parents': "The parents are divorced and the child's hukou is with one of them.",
  'sole-trader': 'A migrant parent runs an active sole-trader business (个体工商户) registered over a year ago and has a lease and a residence permit but no employer insurance.',
  'low-income': 'The family receives valid minimum-living or extreme-poverty assistance (低保/特困).',
  'name-mismatch': 'One member is sent with a name that differs from the registered name by a homophone character.',
  'unknown-person': 'The members have well-formed ID numbers with valid check characters that no registry knows.',
  'seized-property': 'A property the family owns carries an active court seizure (查封).',
  'late-hukou-move': "The child's hukou moved to the family's own flat less than six months ago.",
  'many-properties': 'The owner holds seven or more property certificates (exercises paging).',
};

type Member = Scenario['members'][number];

function member(ref: string, p: Person): Member {
  return { ref, idNumber: p.idNumber, name: p.name };
}

function scenario(family: ScenarioFamily, description: string, members: Member[]): Scenario {
  return { family, description, members };
}

interface ApplicantFamily {
  district: DistrictCode;
  father: Person;
  mother: Person;
  child: Person;
  property: Property;
  /** When the family's hukou moved to the property. */
  since: string;
}

/**
 * A local family with a child about to start primary school, living in a flat the
 * parents own, both parents employed and insured for more than 24 months.
 */
function ownHomeFamily(b: Builder, o: { registeredBetween: [string, string]; moveOn?: (registeredOn: string) => string }): ApplicantFamily {
  const district = b.district();
  const childBirth = b.applicantBirth();
  const { husband: father, wife: mother } = parentsOf(b, childBirth, district);
  const home = b.address(district, 'flat');
  const registeredOn = b.between(o.registeredBetween[0], o.registeredBetween[1]);
  const owners = b.rng.chance(0.6) ? [father, mother] : [b.rng.chance(0.65) ? father : mother];
  const property = b.property({ address: home, owners, coOwnership: 'joint', registeredOn });
  const moveOn = o.moveOn ? o.moveOn(registeredOn) : minDate(addDays(registeredOn, b.rng.int(5, 40)), b.asOf);
  const household = b.household(home);
  const regPlace = moveOn <= childBirth ? home : b.firstPlace(father);
  const child = b.child({ mother, father, birthDate: childBirth, regPlace });
  b.join(household, father, 'head', moveOn);
  b.join(household, mother, 'spouse', moveOn);
  b.join(household, child, 'child', moveOn);
  employLong(b, father, 24);
  employLong(b, mother, 24);
  return { district, father, mother, child, property, since: household.members[2]!.since };
}

function ownership(p: Property): string {
  return p.owners.length > 1 ? 'jointly owned' : 'own';
}

// ----- the families -------------------------------------------------------------------------

function houseHukouMatch(b: Builder): Scenario {
  const f = ownHomeFamily(b, { registeredBetween: [addYears(b.asOf, -9), addMonths(b.asOf, -15)] });
  return scenario('house-hukou-match',
    `The child's hukou has been at the parents' ${ownership(f.property)} flat in ${districtName(f.district)} since ${f.since}, and both parents are employed and insured.`,
    [member('child', f.child), member('father', f.father), member('mother', f.mother)]);
}

function hukouAtGrandparents(b: Builder): Scenario {
  const asOf = b.asOf;
  const d = b.district();
  const childBirth = b.applicantBirth();
  const paternal = b.rng.chance(0.7);
  const linkedBirth = paternal ? b.yearsBefore(childBirth, 26, 38) : b.yearsBefore(childBirth, 24, 36);
  const gfBirth = b.yearsBefore(linkedBirth, 24, 32);
  const gmBirth = b.rng.dateBetween(addYears(gfBirth, -1), minDate(addYears(gfBirth, 4), addYears(linkedBirth, -21)));
  const grand = localCouple(b, {
    district: d, husbandBirth: gfBirth, wifeBirth: gmBirth, marriedOn: weddingDate(b, gfBirth, gmBirth, addMonths(linkedBirth, -10)),
  });
  const gHome = b.address(d, b.rng.chance(0.3) ? 'house' : 'flat');
  const gRegistered = b.between(addYears(asOf, -25), addYears(asOf, -8));
  b.property({ address: gHome, owners: b.rng.chance(0.5) ? [grand.husband] : [grand.husband, grand.wife], registeredOn: gRegistered });
  const gh = b.household(gHome);
  const gSince = addDays(gRegistered, b.rng.int(3, 60));
  b.join(gh, grand.husband, 'head', gSince);
  b.join(gh, grand.wife, 'spouse', gSince);

  const grandSurname = b.surnameOf(grand.husband);
  const father = b.adult({
    gender: 'male', birthDate: paternal ? linkedBirth : b.yearsBefore(childBirth, 26, 38), home: paternal ? d : b.district(),
    surname: paternal ? grandSurname : undefined,
  });
  const mother = b.adult({
    gender: 'female', birthDate: paternal ? b.yearsBefore(childBirth, 24, 36) : linkedBirth, home: paternal ? b.district() : d,
    surname: paternal ? undefined : grandSurname,
  });
  const marriage = b.marry(father, mother, weddingDate(b, father.birthDate, mother.birthDate, addMonths(childBirth, -10)), d);

  let parentsHome = 'share the grandparents\' household';
  if (b.rng.chance(0.55)) {
    const pd = b.district();
    const home = b.address(pd, 'flat');
    const registeredOn = b.between(addYears(childBirth, -3), addMonths(asOf, -2));
    b.property({ address: home, owners: b.rng.chance(0.6) ? [father, mother] : [father], registeredOn });
    const ph = b.household(home);
    const since = addDays(registeredOn, b.rng.int(3, 40));
    b.join(ph, father, 'head', since);
    b.join(ph, mother, 'spouse', since);
    parentsHome = `own a different flat in ${districtName(pd)}`;
  } else {
    const linked = paternal ? father : mother;
    const inLaw = paternal ? mother : father;
    b.join(gh, linked, 'child', gSince);
    b.join(gh, inLaw, 'other', maxDate(addDays(marriage.registeredOn, b.rng.int(10, 120)), gSince));
  }
  const child = b.child({ mother, father, birthDate: childBirth, regPlace: gHome });
  b.join(gh, child, 'grandchild');
  employLong(b, father, 12);
  if (b.rng.chance(0.8)) employLong(b, mother, 12);
  return scenario('hukou-at-grandparents',
    `The child's hukou is with the ${paternal ? 'paternal' : 'maternal'} grandparents at their own home in ${districtName(d)}, while the parents ${parentsHome}.`,
    [member('child', child), member('father', father), member('mother', mother),
      member('grandfather', grand.husband), member('grandmother', grand.wife)]);
}

/** A migrant family with a child about to start school, renting in Qingdao with permits. */
function migrantFamily(b: Builder) {
  const origin = b.origin();
  const childBirth = b.applicantBirth();
  const couple = parentsOf(b, childBirth, origin);
  const h = migrantHousehold(b, couple);
  const child = b.child({ mother: couple.wife, father: couple.husband, birthDate: childBirth, regPlace: h.address, origin });
  b.join(h, child, 'child');
  const kids = [child];
  const olderFrom = maxDate(addDays(couple.marriage.registeredOn, 300), addYears(childBirth, -8));
  if (b.rng.chance(0.3) && olderFrom <= addYears(childBirth, -2)) {
    const older = b.child({ mother: couple.wife, father: couple.husband, birthDate: b.rng.dateBetween(olderFrom, addYears(childBirth, -2)), regPlace: h.address, origin });
    b.join(h, older, 'child');
    kids.push(older);
  }
  const district = b.district();
  const { address, startOn } = rentFlat(b, district, [couple.husband, couple.wife]);
  validPermit(b, couple.husband, address, startOn);
  validPermit(b, couple.wife, address, startOn);
  for (const k of kids) b.livesAt.set(k.idNumber, address);
  return { origin, district, father: couple.husband, mother: couple.wife, child };
}

function migrantLeasePermit(b: Builder): Scenario {
  const f = migrantFamily(b);
  employLong(b, f.father, 12);
  employLong(b, f.mother, 12);
  return scenario('migrant-lease-permit',
    `A family registered in ${f.origin.city}${f.origin.county} rents a flat in ${districtName(f.district)} with a registered lease, valid residence permits and over a year of insurance in Qingdao.`,
    [member('child', f.child), member('father', f.father), member('mother', f.mother)]);
}

/** Employment for the last 4-8 months, sometimes after an earlier job and a gap. */
function shortJob(b: Builder, p: Person): number {
  const asOf = b.asOf;
  const months = b.rng.int(4, 8);
  const firstMonth = addMonths(`${asOf.slice(0, 8)}01`, -(months - 1));
  const since = minDate(addDays(firstMonth, b.rng.int(0, 20)), asOf);
  const employer = b.employer();
  if (b.rng.chance(0.4)) {
    const previous = b.employer();
    const prevEnd = addMonths(since, -b.rng.int(2, 4));
    b.employ(p, previous, addMonths(prevEnd, -b.rng.int(6, 24)), prevEnd);
  }
  b.employ(p, employer, since);
  return monthsInclusive(yearMonth(since), yearMonth(asOf));
}

function shortInsurance(b: Builder): Scenario {
  const f = migrantFamily(b);
  const months = shortJob(b, f.father);
  if (b.rng.chance(0.5)) shortJob(b, f.mother);
  return scenario('short-insurance',
    `A migrant family renting in ${districtName(f.district)} whose father has paid insurance in Qingdao for only ${months} continuous months.`,
    [member('child', f.child), member('father', f.father), member('mother', f.mother)]);
}

function contractNoCertificate(b: Builder): Scenario {
  const asOf = b.asOf;
  const d = b.district();
  const childBirth = b.applicantBirth();
  const { husband: father, wife: mother } = parentsOf(b, childBirth, d);
  const home = b.address(d, 'flat');
  let since: string;
  if (b.rng.chance(0.5)) {
    const registeredOn = b.between(addYears(asOf, -12), addYears(asOf, -2));
    b.property({ address: home, owners: [father, mother], registeredOn });
    since = addDays(registeredOn, b.rng.int(3, 40));
  } else {
    since = b.between(addYears(asOf, -10), addYears(asOf, -1));
  }
  const h = b.household(home);
  const child = b.child({ mother, father, birthDate: childBirth, regPlace: since <= childBirth ? home : b.firstPlace(father) });
  b.join(h, father, 'head', since);
  b.join(h, mother, 'spouse', since);
  b.join(h, child, 'child', since);
  employLong(b, father, 12);
  employLong(b, mother, 12);
  const nd = b.rng.pick(NEW_DEVELOPMENT_DISTRICTS);
  const flat = b.address(nd, 'flat');
  const filedOn = b.between(addMonths(asOf, -24), addMonths(asOf, -1));
  b.saleContract({ buyers: b.rng.chance(0.7) ? [father, mother] : [father], address: flat, filedOn, developer: b.rng.pick(b.developers) });
  return scenario('contract-no-certificate',
    `The parents filed a purchase contract for a new flat in ${districtName(nd)} on ${filedOn} and hold no certificate for it yet.`,
    [member('child', child), member('father', father), member('mother', mother)]);
}

function divorcedParents(b: Builder): Scenario {
  const asOf = b.asOf;
  const d = b.district();
  const childBirth = b.applicantBirth();
  const { husband: father, wife: mother, marriage } = parentsOf(b, childBirth, d);
  const marital = b.address(d, 'flat');
  const registeredOn = b.between(maxDate(addYears(father.birthDate, 23), addYears(childBirth, -6)), addMonths(childBirth, -3));
  b.property({ address: marital, owners: [father], registeredOn });
  const h1 = b.household(marital);
  const fatherSince = addDays(registeredOn, b.rng.int(3, 30));
  b.moveTo(mother, marital, maxDate(marriage.registeredOn, fatherSince));
  const child = b.child({ mother, father, birthDate: childBirth, regPlace: marital });
  const divorcedOn = b.between(addYears(childBirth, 1), addMonths(asOf, -2));
  marriage.status = 'divorced';
  marriage.divorcedOn = divorcedOn;
  const d2 = b.rng.chance(0.6) ? d : b.district();
  const other = b.address(d2, 'flat');
  let moveOn = b.between(addDays(divorcedOn, 10), addDays(divorcedOn, 200));
  if (b.rng.chance(0.7)) {
    const bought = b.between(divorcedOn, addDays(divorcedOn, 300));
    b.property({ address: other, owners: [mother], registeredOn: bought });
    moveOn = b.between(addDays(bought, b.rng.int(3, 30)), asOf);
  }
  const h2 = b.household(other);
  const withMother = b.rng.chance(0.6);
  b.join(h1, father, 'head', fatherSince);
  b.join(h2, mother, 'head', moveOn);
  if (withMother) b.join(h2, child, 'child', moveOn);
  else b.join(h1, child, 'child');
  employLong(b, father, 12);
  employLong(b, mother, 12);
  return scenario('divorced-parents',
    `The parents divorced on ${divorcedOn} and the child's hukou is with the ${withMother ? 'mother' : 'father'}.`,
    [member('child', child), member('father', father), member('mother', mother)]);
}

function soleTraderFamily(b: Builder): Scenario {
  const asOf = b.asOf;
  const f = migrantFamily(b);
  const trader = b.rng.chance(0.6) ? f.father : f.mother;
  const partner = trader === f.father ? f.mother : f.father;
  const establishedOn = b.between(addYears(asOf, -6), addMonths(asOf, -14));
  const shop = soleTrader(b, trader, f.district, establishedOn);
  if (b.rng.chance(0.5)) employLong(b, partner, 0);
  return scenario('sole-trader',
    `The ${trader === f.father ? 'father' : 'mother'} has run ${shop.name} since ${establishedOn} and pays no employee insurance.`,
    [member('child', f.child), member('father', f.father), member('mother', f.mother)]);
}

function lowIncome(b: Builder): Scenario {
  const asOf = b.asOf;
  const d = b.district();
  const childBirth = b.applicantBirth();
  const single = b.rng.chance(0.4);
  let father: Person | null = null;
  let mother: Person;
  if (single) {
    mother = b.adult({ gender: 'female', birthDate: b.yearsBefore(childBirth, 22, 38), home: d });
  } else {
    const couple = parentsOf(b, childBirth, d);
    father = couple.husband;
    mother = couple.wife;
  }
  const home = b.address(d, 'flat'); // public rental housing: nobody in the family owns it
  const h = b.household(home);
  const since = b.between(maxDate(addYears(mother.birthDate, 20), addYears(asOf, -10)), addMonths(asOf, -3));
  const child = b.child({
    mother, father, birthDate: childBirth,
    regPlace: since <= childBirth ? home : b.firstPlace(father ?? mother),
    surname: father ? undefined : b.surnameOf(mother),
  });
  if (father) b.join(h, father, 'head', since);
  b.join(h, mother, father ? 'spouse' : 'head', since);
  b.join(h, child, 'child', since);
  const kind = b.rng.chance(0.85) ? 'minimum_living' : 'extreme_poverty';
  const from = b.between(addYears(asOf, -5), addMonths(asOf, -2));
  const until = b.rng.dateBetween(addMonths(asOf, 1), addMonths(asOf, 12));
  const members = [child, ...(father ? [father] : []), mother];
  for (const p of members) b.assist(p, kind, from, until);
  if (father && b.rng.chance(0.5)) employLong(b, father, 0);
  else if (!father && b.rng.chance(0.4)) employLong(b, mother, 0);
  return scenario('low-income',
    `A ${single ? 'single-mother ' : ''}family in public housing in ${districtName(d)} receiving ${kind === 'minimum_living' ? 'minimum-living (低保)' : 'extreme-poverty (特困)'} assistance.`,
    [member('child', child), ...(father ? [member('father', father)] : []), member('mother', mother)]);
}

function nameMismatch(b: Builder): Scenario {
  const f = ownHomeFamily(b, { registeredBetween: [addYears(b.asOf, -9), addMonths(b.asOf, -15)] });
  const refs: [string, Person][] = [['child', f.child], ['father', f.father], ['mother', f.mother]];
  const order = b.rng.weighted<[string, Person][]>([
    [refs, 5], [[refs[1]!, refs[0]!, refs[2]!], 2], [[refs[2]!, refs[0]!, refs[1]!], 2],
  ]);
  let target = order.find(([, p]) => homophoneVariant(b.givenOf(p)) !== null);
  if (!target) {
    // No replaceable character anywhere: give the child a name that has one.
    f.child.name = b.surnameOf(f.child) + (f.child.gender === 'male' ? '浩宇' : '欣怡');
    target = refs[0]!;
  }
  const [ref, person] = target;
  const sent = b.surnameOf(person) + homophoneVariant(b.givenOf(person))!;
  const members = refs.map(([r, p]) => (r === ref ? { ref: r, idNumber: p.idNumber, name: sent, registeredName: p.name } : member(r, p)));
  return scenario('name-mismatch', `The ${ref}'s name is sent with one homophone character different from the registered name.`, members);
}

function seizedProperty(b: Builder): Scenario {
  const asOf = b.asOf;
  const f = ownHomeFamily(b, { registeredBetween: [addYears(asOf, -10), addMonths(asOf, -4)] });
  let seized = f.property;
  if (b.rng.chance(0.3)) {
    seized = b.property({
      address: b.address(f.district, 'shop'), owners: [f.father], use: 'commercial',
      registeredOn: b.between(addYears(asOf, -8), addMonths(asOf, -6)),
    });
  }
  const r = b.seize(seized);
  return scenario('seized-property',
    `The family's ${seized === f.property ? 'home' : 'shop'} was seized by ${r.authority} on ${r.registeredOn}${seized.restrictions.some((x) => x.kind === 'mortgage') ? ' and is also mortgaged' : ''}.`,
    [member('child', f.child), member('father', f.father), member('mother', f.mother)]);
}

function lateHukouMove(b: Builder): Scenario {
  const asOf = b.asOf;
  const f = ownHomeFamily(b, {
    registeredBetween: [addYears(asOf, -3), addMonths(asOf, -1)],
    moveOn: (registeredOn) => b.between(maxDate(addDays(registeredOn, 1), addDays(addMonths(asOf, -6), 1)), addDays(asOf, -3)),
  });
  return scenario('late-hukou-move',
    `The family bought a flat in ${districtName(f.district)} on ${f.property.registeredOn} and moved the child's hukou there only on ${f.since}.`,
    [member('child', f.child), member('father', f.father), member('mother', f.mother)]);
}

function manyProperties(b: Builder): Scenario {
  const asOf = b.asOf;
  const fam = localHome(b, { age: [40, 62], ownership: 'joint' });
  addChildren(b, fam, b.rng.int(0, 2));
  const owner = b.rng.chance(0.7) ? fam.husband : fam.wife;
  const spouse = owner === fam.husband ? fam.wife : fam.husband;
  const extra = b.rng.int(6, 11);
  for (let i = 0; i < extra; i++) {
    const use = b.rng.weighted([['residential', 5], ['parking', 3], ['commercial', 2], ['office', 1]] as const);
    const kind = use === 'residential' ? 'flat' : use === 'parking' ? 'parking' : use === 'commercial' ? 'shop' : 'office';
    // The first is held in shares with the spouse (an investment flat): every owner has one.
    const share = i === 0 ? 'shares' : b.rng.weighted([['sole', 7], ['joint', 2], ['shares', 1]] as const);
    b.property({
      address: b.address(b.district(), kind), use, owners: share === 'sole' ? [owner] : [owner, spouse], coOwnership: share,
      registeredOn: b.between(addYears(asOf, -12), addMonths(asOf, -1)),
    });
  }
  return scenario('many-properties', `An owner in ${districtName(fam.district)} with ${extra + 1} property certificates.`, [member('owner', owner)]);
}

/** Members with valid ID numbers (correct check character) that appear nowhere in the population. */
export function unknownPerson(b: Builder): Scenario {
  const d = b.district();
  const childBirth = b.applicantBirth();
  const surname = b.rng.weighted(SURNAMES);
  const make = (ref: string, gender: Gender, birthDate: string, family: string): Member => {
    const { idNumber } = b.phantom(gender, birthDate, d);
    return { ref, idNumber, name: family + b.rng.pick(givenNames(birthDate, gender)) };
  };
  const members = [
    make('child', b.rng.chance(0.5) ? 'male' : 'female', childBirth, surname),
    make('father', 'male', b.yearsBefore(childBirth, 26, 38), surname),
    make('mother', 'female', b.yearsBefore(childBirth, 24, 36), b.rng.weighted(SURNAMES)),
  ];
  return scenario('unknown-person', `A family from ${districtName(d)} whose ID numbers are well-formed but registered nowhere.`, members);
}

/** Builders for every family except unknown-person (built last, once all IDs are known). */
export const SCENARIO_BUILDERS: Readonly<Record<Exclude<ScenarioFamily, 'unknown-person'>, (b: Builder) => Scenario>> = {
  'house-hukou-match': houseHukouMatch,
  'hukou-at-grandparents': hukouAtGrandparents,
  'migrant-lease-permit': migrantLeasePermit,
  'short-insurance': shortInsurance,
  'contract-no-certificate': contractNoCertificate,
  'divorced-parents': divorcedParents,
  'sole-trader': soleTraderFamily,
  'low-income': lowIncome,
  'name-mismatch': nameMismatch,
  'seized-property': seizedProperty,
  'late-hukou-move': lateHukouMove,
  'many-properties': manyProperties,
};

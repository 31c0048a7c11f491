/**
 * Records that real registries hold and no scenario family needs, so that the rules the
 * agencies apply are exercised by generated people, not only by hand-written fixtures:
 *  - restrictions that have ended (a mortgage paid off, a seizure lifted, a sale
 *    restriction run out) and restrictions of the other kinds (限制转让 sale restrictions,
 *    异议 objections): the registry answers the current ones only;
 *  - renewed residence permits (an earlier, expired permit before the current one): the
 *    registry answers the latest only.
 * Each property and each permit draws from a stream of its own (`variety:<certificate>`,
 * `variety:<permit number>`): what one gets depends neither on what was drawn before nor on
 * which other records exist, so adding a family or a filler changes no one else's variety.
 * Current restrictions are only added to properties no scenario family member owns, so no
 * scenario changes meaning; ended ones may be anywhere (no current answer changes).
 */
import type { Property, ResidencePermit, Restriction } from '../../schemas/population.js';
import type { DistrictCode } from '../../src/domain/districts.js';
import type { Builder } from './builder/index.js';
import { addDays, addMonths, addYears, maxDate } from './dates.js';
import { BANKS, DISTRICT_COURTS } from './names.js';

/** Who registers the kinds the families do not: sale restrictions and objections. */
const SALE_RESTRICTION_AUTHORITY = '青岛市住房和城乡建设局';
const OBJECTION_AUTHORITY = '青岛市不动产登记中心';

export function addVariety(b: Builder): void {
  const inScenario = new Set(b.scenarios.flatMap((s) => s.members.map((m) => m.idNumber)));
  for (const p of [...b.property.properties]) {
    const untouchable = p.owners.some((o) => inScenario.has(o.idNumber));
    b.withRng(b.fork(`variety:${p.certificateNumber}`), () => restrictionsOf(b, p, untouchable));
  }
  for (const permit of [...b.people.residencePermits]) {
    b.withRng(b.fork(`variety:${permit.number}`), () => renewalsOf(b, permit));
  }
}

function restrictionsOf(b: Builder, p: Property, untouchable: boolean): void {
  const asOf = b.asOf;
  const rng = b.rng;
  const ended = (kind: Restriction['kind'], authority: string, registeredOn: string, until: string, reference: string) =>
    b.property.restrict(p, { kind, registeredOn, until, authority, reference });
  const years = (d: string) => Math.floor((Date.parse(asOf) - Date.parse(d)) / (365.25 * 86_400_000));

  // A mortgage paid off early: registered with the property, released a year or more ago.
  if (years(p.registeredOn) >= 3 && !p.restrictions.some((r) => r.kind === 'mortgage') && rng.chance(0.3)) {
    ended('mortgage', rng.pick(BANKS), p.registeredOn, b.between(addYears(p.registeredOn, 1), addYears(asOf, -1)),
      b.property.certificateNumber(p.registeredOn.slice(0, 4), '不动产证明'));
  }
  // A seizure lifted (the debt settled): registered after the purchase, ended before today.
  if (years(p.registeredOn) >= 4 && rng.chance(0.05)) {
    const on = b.between(addMonths(p.registeredOn, 6), addYears(asOf, -2));
    const court = DISTRICT_COURTS[p.address.district as DistrictCode];
    ended('seizure', court, on, b.between(addMonths(on, 2), addDays(asOf, -30)), `(${on.slice(0, 4)})鲁${p.address.district.slice(2)}执${rng.int(100, 9999)}号`);
  }
  // A new-build sale restriction (限售): five years from registration; over for older flats.
  if (p.use === 'residential' && rng.chance(0.08)) {
    const until = addDays(addYears(p.registeredOn, 5), -1);
    const reference = `青住建限字(${p.registeredOn.slice(0, 4)})${rng.int(100, 999)}号`;
    if (until < asOf) ended('sale_restriction', SALE_RESTRICTION_AUTHORITY, p.registeredOn, until, reference);
    else if (!untouchable) b.property.restrict(p, { kind: 'sale_restriction', registeredOn: p.registeredOn, until, authority: SALE_RESTRICTION_AUTHORITY, reference });
  }
  // An objection (异议登记) lasts 15 days: one long over, or, rarely, one running today.
  if (years(p.registeredOn) >= 2 && rng.chance(0.04)) {
    const on = b.between(addMonths(p.registeredOn, 1), addYears(asOf, -1));
    ended('objection', OBJECTION_AUTHORITY, on, addDays(on, 14), `异议${on.slice(0, 4)}${rng.digits(5)}`);
  }
  if (!untouchable && years(p.registeredOn) >= 1 && rng.chance(0.02)) {
    const on = b.between(addDays(asOf, -10), addDays(asOf, -1));
    b.property.restrict(p, { kind: 'objection', registeredOn: on, until: addDays(on, 14), authority: OBJECTION_AUTHORITY, reference: `异议${on.slice(0, 4)}${rng.digits(5)}` });
  }
}

/**
 * Renewed permits: the permit before the one a person holds now, issued a year earlier at
 * the same address (sometimes two renewals). Earlier permits never reach back before 16.
 */
function renewalsOf(b: Builder, permit: ResidencePermit): void {
  const rng = b.rng;
  if (!rng.chance(0.3)) return;
  const person = b.people.byIdNumber(permit.idNumber)!;
  let issued = permit.issuedOn;
  for (let n = rng.chance(0.25) ? 2 : 1; n > 0; n--) {
    const earlier = addDays(addYears(issued, -1), -rng.int(0, 40));
    if (earlier < maxDate(addYears(person.birthDate, 16), '2016-01-01')) break; // 居住证 since 2016
    b.people.permit(person, permit.address, earlier);
    issued = earlier;
  }
}

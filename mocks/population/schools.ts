/**
 * School zones and pupils. Zones are the same for every seed: each district's primary
 * schools split its roads (door numbers 1-150 and 151-999 may go to different schools),
 * its junior schools take whole roads, so every address the generator uses lies in
 * exactly one primary and one junior zone.
 */
import type { Address, Population, SchoolZone } from '../../schemas/population.js';
import { DISTRICT_CODES } from '../../src/domain/districts.js';
import { type Builder, localPrefix } from './builder/index.js';
import { ageOn, schoolYearStart } from './dates.js';
import { ROADS, SCHOOL_STEMS } from './names.js';

export const ZONE_MAX_NUMBER = 999;
const SPLIT_AT = 150;

export function buildSchoolZones(): SchoolZone[] {
  const zones: SchoolZone[] = [];
  for (const d of DISTRICT_CODES) {
    const roads = ROADS[d];
    const stems = SCHOOL_STEMS[d];
    const primary: SchoolZone[] = stems.primary.map((stem, k) => ({
      schoolCode: `1${d}1${String(k + 1).padStart(2, '0')}`,
      schoolName: `${localPrefix(d)}${stem}小学`,
      level: 'primary',
      district: d,
      streets: [],
    }));
    const junior: SchoolZone[] = stems.junior.map((stem, k) => ({
      schoolCode: `1${d}2${String(k + 1).padStart(2, '0')}`,
      schoolName: `${localPrefix(d)}${stem}中学`,
      level: 'junior',
      district: d,
      streets: [],
    }));
    roads.forEach((street, i) => {
      primary[i % primary.length]!.streets.push({ street, fromNumber: 1, toNumber: SPLIT_AT });
      primary[(i + 1) % primary.length]!.streets.push({ street, fromNumber: SPLIT_AT + 1, toNumber: ZONE_MAX_NUMBER });
      junior[i % junior.length]!.streets.push({ street, fromNumber: 1, toNumber: ZONE_MAX_NUMBER });
    });
    zones.push(...primary, ...junior);
  }
  return zones;
}

/** The zones (of any level) whose streets contain the address. */
export function zonesCovering(zones: readonly SchoolZone[], address: Address): SchoolZone[] {
  return zones.filter((z) => z.district === address.district
    && z.streets.some((s) => s.street === address.street && s.fromNumber <= address.number && address.number <= s.toNumber));
}

/**
 * The school zoned for the address at `level` (exactly one: every address the generator
 * hands out lies in one zone of each level). The zones must exist (`b.schoolZones`).
 */
export function zoneSchool(b: Pick<Builder, 'schoolZones'>, address: Address, level: SchoolZone['level']): SchoolZone {
  const zone = zonesCovering(b.schoolZones, address).find((z) => z.level === level);
  if (!zone) throw new Error(`population generator: an address lies outside every ${level} school zone`);
  return zone;
}

/**
 * Every child of school age (6-14 at the start of the school year, so 6-15 on asOf) who
 * lives in Qingdao is a pupil of the zone school for their address, grade by age. A pupil's
 * status is the one a family fixed (`b.pupilStatus`), else draws from a stream of its own
 * (`pupil:<ID number>`), whoever else exists.
 */
export function enrollStudents(b: Builder): Population['students'] {
  const start = schoolYearStart(b.asOf);
  const students: Population['students'] = [];
  for (const p of b.people.persons) {
    if (p.deceasedOn) continue;
    const age = ageOn(p.birthDate, start);
    if (age < 6 || age > 14) continue;
    const livesAt = b.people.residenceOf(p);
    if (!livesAt) continue;
    const grade = age - 5;
    const level = grade <= 6 ? 'primary' : 'junior';
    const zone = zoneSchool(b, livesAt, level);
    students.push({
      idNumber: p.idNumber,
      studentNumber: `G${p.idNumber}`,
      schoolCode: zone.schoolCode,
      grade,
      status: b.pupilStatus.get(p.idNumber)
        ?? b.fork(`pupil:${p.idNumber}`).weighted([['enrolled', 96], ['suspended', 2], ['transferred_out', 2]] as const),
    });
  }
  return students;
}

/**
 * Well-formed ID numbers (valid check character) that no registry knows: reserved like any
 * other ID number, so no person generated before or after gets one.
 */
import { districtName } from '../../../src/domain/districts.js';
import type { Gender } from '../builder/index.js';
import { SURNAMES, givenNames } from '../names.js';
import { registerFamily, type ScenarioMember } from './registry.js';

registerFamily({
  name: 'unknown-person',
  description: 'The members have well-formed ID numbers with valid check characters that no registry knows.',
  build(b) {
    const d = b.places.district();
    const childBirth = b.applicantBirth();
    const surname = b.rng.weighted(SURNAMES);
    const make = (ref: string, gender: Gender, birthDate: string, family: string): ScenarioMember => {
      const { idNumber } = b.people.phantom(gender, birthDate, d);
      return { ref, idNumber, name: family + b.rng.pick(givenNames(birthDate, gender)) };
    };
    const members = [
      make('child', b.rng.chance(0.5) ? 'male' : 'female', childBirth, surname),
      make('father', 'male', b.yearsBefore(childBirth, 26, 38), surname),
      make('mother', 'female', b.yearsBefore(childBirth, 24, 36), b.rng.weighted(SURNAMES)),
    ];
    // A primary school of the district they say they are from: no registry knows their
    // address, so one of the district's schools, picked by the child's ID number (no draw).
    const schools = b.schoolZones.filter((z) => z.district === d && z.level === 'primary');
    const school = schools[Number(members[0]!.idNumber.slice(14, 17)) % schools.length]!;
    return {
      description: `A family from ${districtName(d)} whose ID numbers are well-formed but registered nowhere.`,
      members,
      schoolCode: school.schoolCode,
    };
  },
});

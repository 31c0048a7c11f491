/**
 * The generator's workbench: the core (seed, date, random streams, uniqueness, date draws)
 * and one object per domain, each holding its own records and the rules that keep them
 * consistent:
 *   b.places    districts, places of origin, addresses never handed out twice
 *   b.people    persons, households, hukou moves, residence permits
 *   b.civil     marriages, birth certificates, social assistance
 *   b.property  property rights and restrictions, purchase contracts, leases
 *   b.work      enterprises, employers, employment and the insurance that follows it
 * Family builders (families.ts, scenarios/, fillers.ts) are written in terms of these.
 */
import type { Population, Scenario, SchoolZone, Student } from '../../../schemas/population.js';
import { CivilRecords } from './civil.js';
import { Core } from './core.js';
import { People } from './people.js';
import { Places } from './places.js';
import { PropertyRegistry } from './property.js';
import { Work } from './work.js';

export type { Gender, Step } from './people.js';
export {
  type AddressKind, type Home, copyPlace, isAddress, isQingdaoDistrict, localPrefix, outsideText, placeKey, samePlace,
} from './places.js';

export class Builder extends Core {
  readonly places = new Places(this);
  readonly civil = new CivilRecords(this);
  readonly people = new People(this, this.places, this.civil);
  readonly property = new PropertyRegistry(this);
  readonly work = new Work(this, this.places);
  readonly scenarios: Scenario[] = [];
  readonly schoolZones: SchoolZone[] = [];
  readonly students: Student[] = [];
  /** Pupils whose status a family fixed (enrollStudents draws the others'). */
  readonly pupilStatus = new Map<string, Student['status']>();

  population(): Population {
    const people = this.people.records();
    const property = this.property.records();
    const work = this.work.records();
    const civil = this.civil.records();
    return {
      schemaVersion: 1,
      seed: this.seed,
      asOf: this.asOf,
      persons: people.persons,
      households: people.households,
      hukouMoves: people.hukouMoves,
      residencePermits: people.residencePermits,
      properties: property.properties,
      saleContracts: property.saleContracts,
      leases: property.leases,
      insurance: work.insurance,
      employment: work.employment,
      enterprises: work.enterprises,
      marriages: civil.marriages,
      assistance: civil.assistance,
      births: civil.births,
      students: this.students,
      schoolZones: this.schoolZones,
      scenarios: this.scenarios,
    };
  }
}

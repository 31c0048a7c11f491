/**
 * The scenario families: one module each, registering itself when imported. To add a family,
 * write scenarios/<family>.ts (a `registerFamily` call), import it here, and add its name at
 * the end of SCENARIO_FAMILIES in schemas/population.ts (the schema lists the names a
 * population file may hold, and its order is the build order). It draws from a stream of its
 * own, so no other family, filler or number changes (test/population/family-streams.test.ts).
 */
import './house-hukou-match.js';
import './hukou-at-grandparents.js';
import './migrant-lease-permit.js';
import './short-insurance.js';
import './contract-no-certificate.js';
import './divorced-parents.js';
import './sole-trader.js';
import './low-income.js';
import './name-mismatch.js';
import './unknown-person.js';
import './seized-property.js';
import './late-hukou-move.js';
import './many-properties.js';
import './joint-ownership.js';
import './mortgaged-property.js';
import './expired-permit.js';
import './expired-lease.js';
import './insurance-gap.js';
import './outside-school-zone.js';
import './late-property.js';
import './deregistered-enterprise.js';
import './no-birth-certificate.js';
import './twins.js';
import './grade-six-pupil.js';
import './hukou-under-two-years.js';

export {
  type FamilyDefinition, type ScenarioExample, type ScenarioMember, familyDescription, registerFamily, registeredFamilies,
} from './registry.js';

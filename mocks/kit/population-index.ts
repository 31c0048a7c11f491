/**
 * The population, indexed once per population object (not once per mock): every mock
 * agency looks its records up here. A second sandbox with another population gets its own.
 */
import type {
  Assistance, Birth, Employment, Enterprise, Household, HukouMove, Insurance, Lease, Marriage, Person,
  Population, Property, ResidencePermit, SaleContract, Student,
} from '../../schemas/population.js';
import { normalizeCertificateNumber } from '../../src/domain/certificate-number.js';

export interface PopulationIndex {
  population: Population;
  persons: ReadonlyMap<string, Person>;
  households: ReadonlyMap<string, Household>;
  /** Person → the household they are a member of. */
  householdOf: ReadonlyMap<string, Household>;
  movesOf: ReadonlyMap<string, HukouMove[]>;
  permitsOf: ReadonlyMap<string, ResidencePermit[]>;
  /** Owner → the properties they (co-)own, in population order. */
  propertiesOf: ReadonlyMap<string, Property[]>;
  /** Normalised certificate number → property. */
  propertyByCertificate: ReadonlyMap<string, Property>;
  contractsOf: ReadonlyMap<string, SaleContract[]>;
  leasesOf: ReadonlyMap<string, Lease[]>;
  insuranceOf: ReadonlyMap<string, Insurance>;
  employmentOf: ReadonlyMap<string, Employment[]>;
  enterpriseByCode: ReadonlyMap<string, Enterprise>;
  /** Legal representative / operator → the entities they lead. */
  enterprisesOf: ReadonlyMap<string, Enterprise[]>;
  marriagesOf: ReadonlyMap<string, Marriage[]>;
  assistanceOf: ReadonlyMap<string, Assistance[]>;
  /** Child → their birth certificate. */
  birthOf: ReadonlyMap<string, Birth>;
  studentOf: ReadonlyMap<string, Student>;
}

const indexes = new WeakMap<Population, PopulationIndex>();

function groupBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    for (const k of keys(item)) {
      const list = map.get(k);
      if (list) list.push(item);
      else map.set(k, [item]);
    }
  }
  return map;
}

export function indexPopulation(population: Population): PopulationIndex {
  let index = indexes.get(population);
  if (index) return index;
  const householdOf = new Map<string, Household>();
  for (const h of population.households) for (const m of h.members) householdOf.set(m.idNumber, h);
  index = {
    population,
    persons: new Map(population.persons.map((p) => [p.idNumber, p])),
    households: new Map(population.households.map((h) => [h.number, h])),
    householdOf,
    movesOf: groupBy(population.hukouMoves, (m) => [m.idNumber]),
    permitsOf: groupBy(population.residencePermits, (p) => [p.idNumber]),
    propertiesOf: groupBy(population.properties, (p) => p.owners.map((o) => o.idNumber)),
    propertyByCertificate: new Map(population.properties.map((p) => [normalizeCertificateNumber(p.certificateNumber), p])),
    contractsOf: groupBy(population.saleContracts, (c) => c.buyers),
    leasesOf: groupBy(population.leases, (l) => l.tenants),
    insuranceOf: new Map(population.insurance.map((r) => [r.idNumber, r])),
    employmentOf: groupBy(population.employment, (e) => [e.idNumber]),
    enterpriseByCode: new Map(population.enterprises.map((e) => [e.creditCode, e])),
    enterprisesOf: groupBy(population.enterprises, (e) => [e.legalRepresentativeIdNumber]),
    marriagesOf: groupBy(population.marriages, (m) => m.spouses),
    assistanceOf: groupBy(population.assistance, (a) => [a.idNumber]),
    birthOf: new Map(population.births.map((b) => [b.childIdNumber, b])),
    studentOf: new Map(population.students.map((s) => [s.idNumber, s])),
  };
  indexes.set(population, index);
  return index;
}

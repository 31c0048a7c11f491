/**
 * Population files: validation (schema plus referential integrity), loading, writing,
 * and the "current" population of the sandbox (TONGBAN_POPULATION or TONGBAN_SEED).
 * Problems are reported with JSON paths only: never an ID number, a name or another
 * value from the file, since those are personal data.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Population, SCENARIO_FAMILIES, type ScenarioFamily } from '../../schemas/population.js';
import { parseCreditCode } from '../../src/domain/credit-code.js';
import { parseIdNumber } from '../../src/domain/id-number.js';
import { describeErrors, validatorFor } from '../../src/validation.js';
import { isIsoDate } from './dates.js';
import { DEFAULT_SEED, generatePopulation } from './generator.js';
import { familyDescription } from './scenarios/index.js';

/** At most this many problems are listed in a load error. */
const SHOWN_PROBLEMS = 10;

/**
 * All problems of a would-be population: schema errors first (then nothing else is
 * checked), else integrity problems. An empty list means the population is usable.
 */
export function validatePopulation(data: unknown): string[] {
  const validate = validatorFor(Population);
  if (!validate(data)) return describeErrors(validate.errors);
  return integrityProblems(data);
}

function integrityProblems(pop: Population): string[] {
  const problems: string[] = [];
  const today = isIsoDate(pop.asOf) ? new Date(`${pop.asOf}T00:00:00Z`) : new Date();
  if (!isIsoDate(pop.asOf)) problems.push('/asOf: is not a real calendar date');

  // Persons: valid, consistent, unique ID numbers.
  const personAt = new Map<string, number>();
  pop.persons.forEach((p, i) => {
    const path = `/persons/${i}`;
    const parsed = parseIdNumber(p.idNumber, today);
    if (!parsed.ok) {
      problems.push(`${path}/idNumber: ${parsed.message}`);
    } else {
      if (parsed.birthDate !== p.birthDate) problems.push(`${path}/birthDate: does not match the birth date in the ID number`);
      if (parsed.gender !== p.gender) problems.push(`${path}/gender: does not match the sequence digit of the ID number`);
    }
    if (!isIsoDate(p.birthDate)) problems.push(`${path}/birthDate: is not a real calendar date`);
    if (p.deceasedOn !== undefined && p.deceasedOn < p.birthDate) problems.push(`${path}/deceasedOn: is before the birth date`);
    const seen = personAt.get(p.idNumber);
    if (seen !== undefined) problems.push(`${path}/idNumber: duplicates /persons/${seen}/idNumber`);
    else personAt.set(p.idNumber, i);
  });

  const person = (path: string, id: string | null): void => {
    if (id !== null && !personAt.has(id)) problems.push(`${path}: refers to no person`);
  };
  const enterpriseAt = new Map<string, number>();
  pop.enterprises.forEach((e, i) => {
    const path = `/enterprises/${i}`;
    const parsed = parseCreditCode(e.creditCode);
    if (!parsed.ok) problems.push(`${path}/creditCode: ${parsed.message}`);
    const seen = enterpriseAt.get(e.creditCode);
    if (seen !== undefined) problems.push(`${path}/creditCode: duplicates /enterprises/${seen}/creditCode`);
    else enterpriseAt.set(e.creditCode, i);
    person(`${path}/legalRepresentativeIdNumber`, e.legalRepresentativeIdNumber);
  });
  const enterprise = (path: string, code: string): void => {
    if (!enterpriseAt.has(code)) problems.push(`${path}: refers to no enterprise`);
  };
  const unique = (what: string, values: string[], field: string): void => {
    const at = new Map<string, number>();
    values.forEach((v, i) => {
      const seen = at.get(v);
      if (seen !== undefined) problems.push(`/${what}/${i}/${field}: duplicates /${what}/${seen}/${field}`);
      else at.set(v, i);
    });
  };

  // Households: unique numbers, each person in at most one.
  unique('households', pop.households.map((h) => h.number), 'number');
  const memberOf = new Map<string, number>();
  pop.households.forEach((h, i) => {
    h.members.forEach((m, k) => {
      const path = `/households/${i}/members/${k}/idNumber`;
      person(path, m.idNumber);
      const seen = memberOf.get(m.idNumber);
      if (seen !== undefined) problems.push(`${path}: person is already a member of /households/${seen}`);
      else memberOf.set(m.idNumber, i);
    });
  });
  pop.hukouMoves.forEach((m, i) => person(`/hukouMoves/${i}/idNumber`, m.idNumber));
  pop.residencePermits.forEach((r, i) => person(`/residencePermits/${i}/idNumber`, r.idNumber));

  // Properties: unique certificates, owners exist, shares add up.
  unique('properties', pop.properties.map((p) => p.certificateNumber), 'certificateNumber');
  pop.properties.forEach((p, i) => {
    const path = `/properties/${i}`;
    p.owners.forEach((o, k) => person(`${path}/owners/${k}/idNumber`, o.idNumber));
    if (p.coOwnership === 'sole' && p.owners.length !== 1) problems.push(`${path}/owners: sole ownership needs exactly one owner`);
    if (p.coOwnership !== 'sole' && p.owners.length < 2) problems.push(`${path}/owners: ${p.coOwnership} ownership needs two or more owners`);
    if (p.coOwnership === 'shares') {
      const total = p.owners.reduce((sum, o) => sum + (o.sharePercent ?? Number.NaN), 0);
      if (!(Math.abs(total - 100) < 1e-6)) problems.push(`${path}/owners: shares must give every owner a sharePercent, adding up to 100`);
    } else if (p.owners.some((o) => o.sharePercent !== undefined)) {
      problems.push(`${path}/owners: sharePercent is only for shares ownership`);
    }
  });

  pop.saleContracts.forEach((c, i) => {
    c.buyers.forEach((id, k) => person(`/saleContracts/${i}/buyers/${k}`, id));
    enterprise(`/saleContracts/${i}/developerCreditCode`, c.developerCreditCode);
  });
  pop.leases.forEach((l, i) => {
    l.tenants.forEach((id, k) => person(`/leases/${i}/tenants/${k}`, id));
    person(`/leases/${i}/landlordIdNumber`, l.landlordIdNumber);
    if (l.endOn < l.startOn) problems.push(`/leases/${i}/endOn: is before startOn`);
  });
  pop.insurance.forEach((r, i) => {
    person(`/insurance/${i}/idNumber`, r.idNumber);
    r.periods.forEach((p, k) => {
      enterprise(`/insurance/${i}/periods/${k}/employerCreditCode`, p.employerCreditCode);
      if (p.to < p.from) problems.push(`/insurance/${i}/periods/${k}/to: is before from`);
    });
  });
  pop.employment.forEach((e, i) => {
    person(`/employment/${i}/idNumber`, e.idNumber);
    enterprise(`/employment/${i}/employerCreditCode`, e.employerCreditCode);
  });
  pop.marriages.forEach((m, i) => {
    m.spouses.forEach((id, k) => person(`/marriages/${i}/spouses/${k}`, id));
    if (m.status === 'divorced' && m.divorcedOn === null) problems.push(`/marriages/${i}/divorcedOn: a divorce needs its date`);
    if (m.status === 'married' && m.divorcedOn !== null) problems.push(`/marriages/${i}/divorcedOn: must be null while married`);
  });
  pop.assistance.forEach((a, i) => person(`/assistance/${i}/idNumber`, a.idNumber));
  unique('births', pop.births.map((b) => b.certificateNumber), 'certificateNumber');
  pop.births.forEach((b, i) => {
    person(`/births/${i}/childIdNumber`, b.childIdNumber);
    person(`/births/${i}/motherIdNumber`, b.motherIdNumber);
    person(`/births/${i}/fatherIdNumber`, b.fatherIdNumber);
  });

  // Schools: unique codes, pupils at known schools.
  unique('schoolZones', pop.schoolZones.map((z) => z.schoolCode), 'schoolCode');
  const schools = new Set(pop.schoolZones.map((z) => z.schoolCode));
  pop.students.forEach((s, i) => {
    person(`/students/${i}/idNumber`, s.idNumber);
    if (!schools.has(s.schoolCode)) problems.push(`/students/${i}/schoolCode: no school zone has this code`);
  });

  // Scenarios: members exist with the names sent (unknown persons must not exist), the
  // school applied to exists.
  pop.scenarios.forEach((s, i) => {
    if (s.schoolCode !== undefined && !schools.has(s.schoolCode)) problems.push(`/scenarios/${i}/schoolCode: no school zone has this code`);
    s.members.forEach((m, k) => {
      const path = `/scenarios/${i}/members/${k}`;
      const index = personAt.get(m.idNumber);
      if (s.family === 'unknown-person') {
        if (!parseIdNumber(m.idNumber, today).ok) problems.push(`${path}/idNumber: is not a valid ID number`);
        if (index !== undefined) problems.push(`${path}/idNumber: an unknown person must not be in /persons`);
        return;
      }
      if (index === undefined) {
        problems.push(`${path}/idNumber: refers to no person`);
        return;
      }
      const registered = pop.persons[index]!.name;
      if (m.registeredName !== undefined) {
        if (m.registeredName !== registered) problems.push(`${path}/registeredName: differs from the person's name`);
        if (m.name === registered) problems.push(`${path}/name: must differ from the registered name when registeredName is given`);
      } else if (m.name !== registered) {
        problems.push(`${path}/name: differs from the person's name (set registeredName for a deliberate mismatch)`);
      }
    });
  });
  return problems;
}

/** Reads and validates a population file; throws an Error listing the first problems. */
export function loadPopulationFile(path: string): Population {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'read error';
    throw new Error(`population file ${path}: cannot be read (${code})`, { cause: err });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    // JSON.parse messages quote the text around the error: keep only the position.
    const position = /position (\d+)/.exec(String((err as Error).message))?.[1];
    throw new Error(`population file ${path}: is not valid JSON${position ? ` (at position ${position})` : ''}`);
  }
  const problems = validatePopulation(data);
  if (problems.length > 0) {
    const more = problems.length > SHOWN_PROBLEMS ? `\n  … and ${problems.length - SHOWN_PROBLEMS} more` : '';
    throw new Error(`population file ${path}: ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n  ${problems.slice(0, SHOWN_PROBLEMS).join('\n  ')}${more}`);
  }
  return data as Population;
}

/** Writes the population as pretty JSON (creating the directory if needed). */
export function writePopulationFile(pop: Population, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(pop, null, 2)}\n`);
}

/**
 * The sandbox population: the file named by TONGBAN_POPULATION if set, else the
 * generator's with seed TONGBAN_SEED (unset, empty or 0: DEFAULT_SEED; anything but an
 * integer is an error rather than a silent default).
 */
export interface SandboxPopulationOptions {
  /** A population file; wins over the generator options. */
  population?: string | undefined;
  seed?: number | undefined;
  households?: number | undefined;
  asOf?: string | undefined;
}

/**
 * The sandbox's population: the file if one is named, else the generator's (defaults:
 * DEFAULT_SEED, DEFAULT_HOUSEHOLDS, DEFAULT_AS_OF). The gateway and `npm run scenarios`
 * both call this with the config's `sandbox` block, so they always show the same people.
 */
export function sandboxPopulation(options: SandboxPopulationOptions = {}): Population {
  if (options.population) return loadPopulationFile(options.population);
  return generatePopulation({
    seed: options.seed ?? DEFAULT_SEED,
    ...(options.households !== undefined ? { households: options.households } : {}),
    ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
  });
}

export interface ScenarioCatalogEntry {
  description: string;
  examples: { members: Population['scenarios'][number]['members']; schoolCode?: string }[];
}

/**
 * Every scenario family with its description and example families (members with ref, ID
 * number, name; and the school the family applies to, for families with a child).
 */
export function scenarioCatalog(pop: Population): Record<ScenarioFamily, ScenarioCatalogEntry> {
  const catalog = {} as Record<ScenarioFamily, ScenarioCatalogEntry>;
  for (const family of SCENARIO_FAMILIES) {
    catalog[family] = {
      description: familyDescription(family),
      examples: pop.scenarios.filter((s) => s.family === family).map((s) => ({
        members: s.members.map((m) => ({ ...m })),
        ...(s.schoolCode !== undefined ? { schoolCode: s.schoolCode } : {}),
      })),
    };
  }
  return catalog;
}

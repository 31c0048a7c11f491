/**
 * Who the benchmark asks about, and how: families drawn from a generated population, and
 * the three verification shapes of the scenarios. Real families (a head, a spouse, a child
 * in one household) come first; past them, trios of other persons, so that a cold run never
 * has to ask about the same person twice.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Population } from '../schemas/population.js';
import { generatePopulation } from '../mocks/population/generator.js';
import { writePopulationFile } from '../mocks/population/load.js';
import { PROJECT_ROOT } from '../src/paths.js';

/** Where the bench keeps what it makes once (populations, configs, secrets). */
export const BENCH_DATA = join(PROJECT_ROOT, 'data', 'bench');
export const BENCH_SEED = 20260901;
export const BENCH_HOUSEHOLDS = 20_000;

/** The bench population of `households` households: its file under data/bench. */
export function benchPopulationPath(households: number = BENCH_HOUSEHOLDS): string {
  return join(BENCH_DATA, `population-${BENCH_SEED}-${households}.json`);
}

/** The same file, generated the first time it is needed and kept. */
export function benchPopulationFile(households: number = BENCH_HOUSEHOLDS): string {
  const file = benchPopulationPath(households);
  if (!existsSync(file)) {
    mkdirSync(BENCH_DATA, { recursive: true });
    process.stderr.write(`bench: generating the population (${households} households) once into ${file}\n`);
    writePopulationFile(generatePopulation({ seed: BENCH_SEED, households }), file);
  }
  return file;
}

export interface Member { idNumber: string; name: string }
export interface Family { child: Member; father: Member; mother: Member }

export function familiesOf(pop: Population): Family[] {
  const persons = new Map(pop.persons.map((p) => [p.idNumber, p]));
  const member = (id: string): Member => ({ idNumber: id, name: persons.get(id)!.name });
  const used = new Set<string>();
  const families: Family[] = [];
  for (const h of pop.households) {
    const head = h.members.find((m) => m.relation === 'head');
    const spouse = h.members.find((m) => m.relation === 'spouse');
    const child = h.members.find((m) => m.relation === 'child');
    if (!head || !spouse || !child) continue;
    const [father, mother] = persons.get(head.idNumber)!.gender === 'male' ? [head, spouse] : [spouse, head];
    families.push({ child: member(child.idNumber), father: member(father.idNumber), mother: member(mother.idNumber) });
    for (const m of [head, spouse, child]) used.add(m.idNumber);
  }
  const rest = pop.persons.filter((p) => !used.has(p.idNumber));
  for (let i = 0; i + 2 < rest.length; i += 3) {
    families.push({ child: member(rest[i]!.idNumber), father: member(rest[i + 1]!.idNumber), mother: member(rest[i + 2]!.idNumber) });
  }
  return families;
}

/**
 * Every fact a person can be asked, of all eight agencies: some 35 upstream calls for a child
 * and both parents, two rounds deep (hukou → household and school district, properties →
 * restrictions). The child is asked all of them, the parents all but the child's own
 * (birth certificate, student status), as an enrollment platform would.
 */
export const ALL_FACTS = [
  'identity', 'hukou', 'household', 'hukouMoves', 'residencePermit', 'properties', 'saleContracts', 'leases',
  'socialInsurance', 'employment', 'enterprises', 'marriage', 'assistance', 'birthCertificate', 'studentStatus', 'schoolDistrict',
];
const CHILD_ONLY = new Set(['birthCertificate', 'studentStatus']);
/** Facts answered by one call each: the registries' latency is paid once (light load). */
export const ONE_ROUND_FACTS = ['identity', 'hukou', 'hukouMoves', 'residencePermit'];

export function everyFact(f: Family, facts = ALL_FACTS): string {
  const parents = facts.filter((x) => !CHILD_ONLY.has(x));
  return JSON.stringify({
    purpose: 'enrollment.primary',
    reference: 'BENCH-0001',
    subjects: [
      { ref: 'child', ...f.child },
      { ref: 'father', ...f.father },
      { ref: 'mother', ...f.mother },
    ],
    facts: { child: facts, father: parents, mother: parents },
  });
}

/** The README's question: a child's identity, hukou and household, the father's properties (5 sources for one property). */
export function readmeShape(f: Family): string {
  return JSON.stringify({
    purpose: 'enrollment.primary',
    reference: 'BENCH-0001',
    subjects: [{ ref: 'child', ...f.child }, { ref: 'father', ...f.father }],
    facts: { child: ['identity', 'hukou', 'household'], father: ['properties'] },
  });
}

/**
 * An enrollment platform's question on the day: the local primary-school profile for a
 * child and both parents, facts none (the profile's 11 checks read 8 of them: 18 calls).
 */
export function profileShape(f: Family): string {
  return JSON.stringify({
    purpose: 'enrollment.primary',
    reference: 'BENCH-0002',
    profile: 'qingdao.primary.local',
    schoolCode: '1370202101',
    subjects: [
      { ref: 'child', ...f.child, role: 'child' },
      { ref: 'father', ...f.father, role: 'guardian' },
      { ref: 'mother', ...f.mother, role: 'guardian' },
    ],
  });
}

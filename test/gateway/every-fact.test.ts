/**
 * One verification per scenario family asks every fact of every member: all 14 data items
 * from the 8 mock agencies come back with provenance, and what they say matches the
 * population file, by value: found exactly where the population holds a record, and the
 * record's keys (household, certificates, contracts, leases, employer, entities, marriage,
 * assistance, birth certificate, student number, zoned schools) equal to the population's.
 */
import t from 'tap';
import { indexPopulation } from '../../mocks/kit/population-index.js';
import { SCENARIO_FAMILIES } from '../../schemas/population.js';
import { normalizeCertificateNumber } from '../../src/domain/certificate-number.js';
import { startTestGateway } from '../helpers/gateway.js';

const FACTS = ['identity', 'hukou', 'household', 'hukouMoves', 'residencePermit', 'properties', 'saleContracts', 'leases',
  'socialInsurance', 'employment', 'enterprises', 'marriage', 'assistance', 'birthCertificate', 'studentStatus', 'schoolDistrict'];

type Fact = { status: string; value?: any; provenance: Array<{ connector: string; agency: string }> };

t.test('every fact of every member of every scenario family', async (t) => {
  const gw = await startTestGateway(t);
  const pop = gw.population;
  const ix = indexPopulation(pop);
  const agenciesSeen = new Set<string>();
  const itemsSeen = new Set<string>();
  const connectorItem = new Map([...gw.gateway.hub.runtimes.values()].map((r) => [r.id, r.definition.dataItem]));

  for (const family of SCENARIO_FAMILIES.filter((f) => f !== 'unknown-person')) {
    const example = pop.scenarios.find((s) => s.family === family)!;
    const members = example.members.filter((m) => ix.persons.has(m.idNumber)).slice(0, 3);
    const res = await gw.post('/v1/verifications', {
      purpose: 'enrollment.primary',
      subjects: members.map((m) => ({ ref: m.ref, idNumber: m.idNumber, name: m.name })),
      facts: Object.fromEntries(members.map((m) => [m.ref, FACTS])),
    });
    t.equal(res.status, 200, family);
    t.equal(res.body.status, 'complete', `${family}: every source answered`);
    for (const s of res.body.sources as Array<{ agency: string; connector: string }>) {
      agenciesSeen.add(s.agency);
      itemsSeen.add(connectorItem.get(s.connector)!);
    }

    for (const m of members) {
      const facts = res.body.facts[m.ref] as Record<string, Fact>;
      const person = ix.persons.get(m.idNumber)!;
      const household = ix.householdOf.get(m.idNumber);
      const is = (fact: string, expected: boolean) => t.equal(facts[fact]!.status, expected ? 'found' : 'not_found', `${family}/${m.ref}: ${fact} ${expected ? 'found' : 'not found'}`);
      for (const fact of FACTS) t.ok(facts[fact]!.provenance.length > 0, `${family}/${m.ref}: ${fact} has provenance`);

      t.same(facts.identity!.value, { nameMatches: m.name === person.name, gender: person.gender, birthDate: person.birthDate, alive: person.deceasedOn === undefined });
      is('hukou', household !== undefined);
      if (household) {
        t.equal(facts.hukou!.value.householdNumber, household.number, 'hukou: the household');
        t.equal(facts.household!.value.members.length, household.members.length, 'household: its members');
      }
      t.equal(facts.hukouMoves!.value.length, ix.movesOf.get(m.idNumber)?.length ?? 0, 'hukou moves: all of them');
      const permits = ix.permitsOf.get(m.idNumber) ?? [];
      is('residencePermit', permits.length > 0);
      if (permits.length) t.equal(facts.residencePermit!.value.permitNumber, permits.reduce((a, b) => (b.issuedOn > a.issuedOn ? b : a)).number, 'the latest permit');
      const owned = ix.propertiesOf.get(m.idNumber) ?? [];
      is('properties', owned.length > 0);
      if (owned.length) t.same(facts.properties!.value.map((p: { certificateNumber: string }) => p.certificateNumber).sort(), owned.map((p) => normalizeCertificateNumber(p.certificateNumber)).sort(), 'properties: the certificates');
      const contracts = ix.contractsOf.get(m.idNumber) ?? [];
      is('saleContracts', contracts.length > 0);
      if (contracts.length) t.same(facts.saleContracts!.value.map((c: { contractNumber: string }) => c.contractNumber).sort(), contracts.map((c) => c.contractNumber).sort(), 'sale contracts');
      const leases = ix.leasesOf.get(m.idNumber) ?? [];
      is('leases', leases.length > 0);
      if (leases.length) t.same(facts.leases!.value.map((l: { registrationNumber: string }) => l.registrationNumber).sort(), leases.map((l) => l.registrationNumber).sort(), 'leases');
      is('socialInsurance', ix.insuranceOf.has(m.idNumber));
      const jobs = ix.employmentOf.get(m.idNumber) ?? [];
      is('employment', jobs.length > 0);
      const open = jobs.filter((j) => j.until === null).sort((a, b) => (a.since < b.since ? 1 : -1))[0];
      if (jobs.length) t.equal(facts.employment!.value.current?.employerCreditCode ?? null, open?.employerCreditCode ?? null, 'employment: the current employer');
      const entities = ix.enterprisesOf.get(m.idNumber) ?? [];
      is('enterprises', entities.length > 0);
      if (entities.length) t.same(facts.enterprises!.value.map((e: { creditCode: string }) => e.creditCode).sort(), entities.map((e) => e.creditCode).sort(), 'enterprises led');
      const marriages = ix.marriagesOf.get(m.idNumber) ?? [];
      is('marriage', marriages.length > 0);
      if (marriages.length) {
        const latest = marriages.reduce((a, b) => (b.registeredOn > a.registeredOn ? b : a));
        t.equal(facts.marriage!.value.status, latest.status, 'marriage: the latest status');
      }
      const aid = ix.assistanceOf.get(m.idNumber) ?? [];
      is('assistance', aid.length > 0);
      if (aid.length) t.same(facts.assistance!.value.map((a: { kind: string }) => a.kind).sort(), aid.map((a) => a.kind).sort(), 'assistance kinds');
      const birth = ix.birthOf.get(m.idNumber);
      is('birthCertificate', birth !== undefined);
      if (birth) t.equal(facts.birthCertificate!.value.certificateNumber, birth.certificateNumber, 'birth certificate');
      const student = ix.studentOf.get(m.idNumber);
      is('studentStatus', student !== undefined);
      if (student) t.equal(facts.studentStatus!.value.studentNumber, student.studentNumber, 'student number');
      is('schoolDistrict', household !== undefined);
      if (household && !('outside' in household.address)) {
        const a = household.address;
        const zoned = pop.schoolZones.filter((z) => z.district === a.district && z.streets.some((s) => s.street === a.street && s.fromNumber <= a.number && a.number <= s.toNumber));
        t.same(facts.schoolDistrict!.value.schools.map((s: { schoolCode: string }) => s.schoolCode).sort(), zoned.map((z) => z.schoolCode).sort(), 'schools zoned for the hukou address');
      }
    }
  }
  t.same([...agenciesSeen].sort(), ['amr', 'edu', 'hrss', 'hud', 'mca', 'nhc', 'nrp', 'psb'], 'all eight agencies answered');
  t.equal(itemsSeen.size, 14, 'all fourteen data items were asked');
});

import t from 'tap';
import { samples } from './fixtures/populations.js';

const CERTIFICATE = /^鲁\((\d{4})\)青岛市不动产权第\d{7}号$/;

t.test('properties: certificate numbers, owners and restrictions are well-formed', async (t) => {
  for (const { label, pop } of samples()) {
    const ids = new Set(pop.persons.map((p) => p.idNumber));
    const certs = pop.properties.map((p) => p.certificateNumber);
    t.equal(new Set(certs).size, certs.length, `${label}: certificate numbers unique`);
    const problems: string[] = [];
    for (const p of pop.properties) {
      const m = CERTIFICATE.exec(p.certificateNumber);
      if (!m) problems.push('certificate number format');
      else if (m[1] !== p.registeredOn.slice(0, 4)) problems.push('certificate year differs from registration year');
      if (!p.owners.every((o) => ids.has(o.idNumber))) problems.push('unknown owner');
      if (p.coOwnership === 'sole' && p.owners.length !== 1) problems.push('sole with several owners');
      if (p.coOwnership !== 'sole' && p.owners.length < 2) problems.push('co-ownership with one owner');
      if (p.coOwnership === 'shares' && p.owners.reduce((s, o) => s + (o.sharePercent ?? 0), 0) !== 100) problems.push('shares do not add to 100');
      if (p.coOwnership !== 'shares' && p.owners.some((o) => o.sharePercent !== undefined)) problems.push('sharePercent outside shares');
      for (const r of p.restrictions) {
        if (!r.reference || !r.authority) problems.push('restriction without reference or authority');
        if (r.kind === 'mortgage' && !/银行/.test(r.authority)) problems.push('mortgage not held by a bank');
        if (r.kind === 'mortgage' && !/^鲁\(\d{4}\)青岛市不动产证明第\d{7}号$/.test(r.reference)) problems.push('mortgage reference format');
        if (r.kind === 'seizure' && !/法院$/.test(r.authority)) problems.push('seizure not by a court');
        if (r.registeredOn < p.registeredOn) problems.push('restriction before the property was registered');
        if (r.until !== null && r.until < r.registeredOn) problems.push('restriction ends before it starts');
        if (r.kind === 'sale_restriction' && !/住房和城乡建设局$/.test(r.authority)) problems.push('sale restriction not by the housing bureau');
        if (r.kind === 'objection' && r.until === null) problems.push('objection without an end (they last 15 days)');
      }
    }
    t.same(problems, [], `${label}: ${pop.properties.length} properties`);
    for (const kind of ['sole', 'joint', 'shares'] as const) {
      t.ok(pop.properties.some((p) => p.coOwnership === kind), `${label}: some ${kind} ownership`);
    }
  }
});

t.test('about 30% of properties are mortgaged today; some were and are no longer', async (t) => {
  const pop = samples()[0]!.pop;
  const residential = pop.properties.filter((p) => p.use === 'residential');
  const inForce = (r: { registeredOn: string; until: string | null }) => r.registeredOn <= pop.asOf && (r.until === null || r.until >= pop.asOf);
  const share = residential.filter((p) => p.restrictions.some((r) => r.kind === 'mortgage' && inForce(r))).length / residential.length;
  t.ok(share > 0.15 && share < 0.45, `${Math.round(share * 100)}% mortgaged`);
  const paidOff = residential.filter((p) => p.restrictions.some((r) => r.kind === 'mortgage' && !inForce(r))).length;
  t.ok(paidOff > 0, `${paidOff} with a mortgage paid off`);
});

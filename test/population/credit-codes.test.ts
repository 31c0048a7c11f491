import t from 'tap';
import { parseCreditCode } from '../../src/domain/credit-code.js';
import { samples } from './fixtures/populations.js';

t.test('every credit code is a valid GB 32100 code of an enterprise in the population', async (t) => {
  for (const { label, pop } of samples()) {
    const codes = new Set(pop.enterprises.map((e) => e.creditCode));
    t.equal(codes.size, pop.enterprises.length, `${label}: codes are unique`);
    for (const e of pop.enterprises) {
      const r = parseCreditCode(e.creditCode);
      t.ok(r.ok && r.checkValid, `${label}: ${e.kind} code checks`);
      t.equal(e.creditCode.slice(0, 2), e.kind === 'company' ? '91' : '92', `${label}: authority 9, type ${e.kind === 'company' ? 1 : 2}`);
    }
    const referenced = [
      ...pop.insurance.flatMap((r) => r.periods.map((p) => p.employerCreditCode)),
      ...pop.employment.map((e) => e.employerCreditCode),
      ...pop.saleContracts.map((c) => c.developerCreditCode),
    ];
    t.ok(referenced.every((c) => codes.has(c)), `${label}: ${referenced.length} references all resolve`);
    const developers = new Set(pop.saleContracts.map((c) => c.developerCreditCode));
    for (const code of developers) {
      const e = pop.enterprises.find((x) => x.creditCode === code)!;
      t.match(e.name, /置业|房地产/, `${label}: sale contracts name a real-estate developer`);
      t.equal(e.kind, 'company');
    }
  }
});

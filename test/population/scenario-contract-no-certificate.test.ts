import t from 'tap';
import { ref, samePlace, samples, scenariosOf } from './fixtures/populations.js';

t.test('contract-no-certificate: a filed purchase contract and no certificate for that flat', async (t) => {
  for (const { label, pop } of samples()) {
    for (const s of scenariosOf(pop, 'contract-no-certificate')) {
      const parents = [ref(s, 'father'), ref(s, 'mother')];
      const contracts = pop.saleContracts.filter((c) => c.status === 'filed' && c.buyers.some((b) => parents.includes(b))
        && !pop.properties.some((p) => samePlace(p.address, c.address)));
      t.ok(contracts.length >= 1, `${label}: a filed contract with no certificate`);
      for (const c of contracts) {
        t.ok(c.buyers.every((b) => parents.includes(b)), `${label}: the buyers are the parents`);
        t.ok(c.filedOn <= pop.asOf, `${label}: filed before asOf`);
        const developer = pop.enterprises.find((e) => e.creditCode === c.developerCreditCode);
        t.match(developer?.name, /置业|房地产/, `${label}: a real-estate developer`);
      }
    }
  }
});

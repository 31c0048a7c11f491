import t from 'tap';
import { addYears } from '../../mocks/population/dates.js';
import { assertRentingMigrant } from './fixtures/migrants.js';
import { ref, samples, scenariosOf } from './fixtures/populations.js';

t.test('sole-trader: a migrant parent runs an active sole trader over a year old, without employer insurance', async (t) => {
  for (const { label, pop } of samples()) {
    for (const s of scenariosOf(pop, 'sole-trader')) {
      const parents = [ref(s, 'father'), ref(s, 'mother')];
      const traders = pop.enterprises.filter((e) => e.kind === 'sole_trader' && parents.includes(e.legalRepresentativeIdNumber));
      t.equal(traders.length, 1, `${label}: one sole trader`);
      const e = traders[0]!;
      t.equal(e.status, 'active');
      t.ok(e.establishedOn < addYears(pop.asOf, -1), `${label}: established over a year ago`);
      t.equal(e.creditCode.slice(0, 2), '92', `${label}: sole-trader credit code`);
      const trader = e.legalRepresentativeIdNumber;
      assertRentingMigrant(t, pop, trader, label);
      t.notOk(pop.insurance.some((r) => r.idNumber === trader && r.periods.length > 0), `${label}: no employer insurance`);
      t.notOk(pop.employment.some((x) => x.idNumber === trader), `${label}: no employment`);
    }
  }
});

/**
 * Scenario families register themselves (mocks/population/scenarios/): the registry holds
 * exactly the families the schema lists, builds them in the schema's order, and refuses a
 * name twice.
 */
import t from 'tap';
import { familyDescription, registerFamily, registeredFamilies, type FamilyDefinition } from '../../mocks/population/scenarios/index.js';
import { SCENARIO_FAMILIES, type ScenarioFamily } from '../../schemas/population.js';

const names = () => registeredFamilies().map((f) => f.name);

t.test('every family of the schema is registered once, in the schema order, with a one-sentence description', async (t) => {
  t.same(names(), [...SCENARIO_FAMILIES]);
  for (const family of registeredFamilies()) {
    t.match(family.description, /^[A-Z].*\.$/, `${family.name}: one sentence`);
    t.equal(familyDescription(family.name), family.description);
  }
});

t.test('a family the schema does not list is built after the others, in order of registration; a name twice is refused', async (t) => {
  const extra = (name: string): FamilyDefinition => ({
    name: name as ScenarioFamily, description: 'A test-only family.', build: () => ({ description: 'None.', members: [] }),
  });
  const second = registerFamily(extra('zz-second'));
  const first = registerFamily(extra('aa-first'));
  t.teardown(() => { first(); second(); });
  t.same(names(), [...SCENARIO_FAMILIES, 'zz-second', 'aa-first']);
  t.throws(() => registerFamily(extra('house-hukou-match')), /registered twice/);
  first();
  second();
  t.same(names(), [...SCENARIO_FAMILIES], 'unregistered again');
  t.throws(() => familyDescription('aa-first' as ScenarioFamily), /not registered/);
});

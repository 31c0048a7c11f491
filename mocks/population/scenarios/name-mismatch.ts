/** One member is sent with a homophone of their registered name. */
import type { Person } from '../../../schemas/population.js';
import { addMonths, addYears } from '../dates.js';
import { homophoneVariant } from '../names.js';
import { registerFamily } from './registry.js';
import { member, ownHomeFamily, schoolFor } from './shared.js';

registerFamily({
  name: 'name-mismatch',
  description: 'One member is sent with a name that differs from the registered name by a homophone character.',
  build(b) {
    const f = ownHomeFamily(b, { registeredBetween: [addYears(b.asOf, -9), addMonths(b.asOf, -15)] });
    const refs: [string, Person][] = [['child', f.child], ['father', f.father], ['mother', f.mother]];
    const order = b.rng.weighted<[string, Person][]>([
      [refs, 5], [[refs[1]!, refs[0]!, refs[2]!], 2], [[refs[2]!, refs[0]!, refs[1]!], 2],
    ]);
    let target = order.find(([, p]) => homophoneVariant(b.people.givenOf(p)) !== null);
    if (!target) {
      // No replaceable character anywhere: give the child a name that has one.
      b.people.rename(f.child, b.people.surnameOf(f.child) + (f.child.gender === 'male' ? '浩宇' : '欣怡'));
      target = refs[0]!;
    }
    const [ref, person] = target;
    const sent = b.people.surnameOf(person) + homophoneVariant(b.people.givenOf(person))!;
    return {
      description: `The ${ref}'s name is sent with one homophone character different from the registered name.`,
      members: refs.map(([r, p]) => (r === ref ? { ref: r, idNumber: p.idNumber, name: sent, registeredName: p.name } : member(r, p))),
      schoolCode: schoolFor(b, f.home),
    };
  },
});

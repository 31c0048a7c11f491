import t from 'tap';
import { person, samples, scenariosOf } from './fixtures/populations.js';

t.test('name-mismatch: one member is sent with one character differing from the registered name', async (t) => {
  for (const { label, pop } of samples()) {
    for (const s of scenariosOf(pop, 'name-mismatch')) {
      const off = s.members.filter((m) => m.registeredName !== undefined);
      t.equal(off.length, 1, `${label}: exactly one member is mismatched`);
      const m = off[0]!;
      const p = person(pop, m.idNumber)!;
      t.equal(m.registeredName, p.name, `${label}: registeredName is the registry's name`);
      t.not(m.name, p.name, `${label}: the sent name differs`);
      const sent = [...m.name];
      const registered = [...p.name];
      t.equal(sent.length, registered.length, `${label}: same length`);
      t.equal(sent.filter((c, i) => c !== registered[i]).length, 1, `${label}: one character differs`);
      t.equal(sent[0], registered[0], `${label}: the surname is kept`);
      for (const other of s.members.filter((x) => x !== m)) t.equal(other.name, person(pop, other.idNumber)!.name);
    }
  }
});

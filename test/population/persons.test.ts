import t from 'tap';
import { ageOn } from '../../mocks/population/dates.js';
import { samples } from './fixtures/populations.js';

t.test('persons look real: Chinese names, mostly Han, a few deceased elderly, children named after the father', async (t) => {
  for (const { label, pop } of samples()) {
    t.ok(pop.persons.every((p) => /^[\u4e00-\u9fa5]{2,4}$/.test(p.name)), `${label}: names of 2-4 Chinese characters`);
    const han = pop.persons.filter((p) => p.ethnicity === '汉族').length;
    t.ok(han / pop.persons.length > 0.9, `${label}: mostly 汉族`);
    const byId = new Map(pop.persons.map((p) => [p.idNumber, p]));
    const withFather = pop.births.filter((b) => b.fatherIdNumber !== null);
    const sameSurname = withFather.filter((b) => byId.get(b.childIdNumber)!.name[0] === byId.get(b.fatherIdNumber!)!.name[0]).length;
    t.ok(sameSurname / withFather.length >= 0.7, `${label}: ${sameSurname}/${withFather.length} children share the father's surname`);
    for (const m of pop.marriages) {
      const [a, b] = m.spouses.map((s) => byId.get(s)!);
      t.not(a!.gender, b!.gender, `${label}: spouses`);
    }
    for (const b of pop.births) {
      t.equal(byId.get(b.motherIdNumber)!.gender, 'female');
      if (b.fatherIdNumber) t.equal(byId.get(b.fatherIdNumber)!.gender, 'male');
      t.equal(byId.get(b.childIdNumber)!.birthDate, b.birthDate, `${label}: birth date agrees`);
    }
    const certs = pop.births.map((b) => b.certificateNumber);
    t.ok(certs.every((c) => /^Q\d{9}$/.test(c)) && new Set(certs).size === certs.length, `${label}: birth certificates Q + 9 digits, unique`);
  }
  const pop = samples()[0]!.pop;
  const deceased = pop.persons.filter((p) => p.deceasedOn !== undefined);
  t.ok(deceased.length >= 1, `${deceased.length} deceased`);
  t.ok(deceased.every((p) => ageOn(p.birthDate, p.deceasedOn!) >= 55), 'the deceased were elderly');
});

t.test('enterprises: legal representatives are adults in the population; companies and sole traders both occur', async (t) => {
  for (const { label, pop } of samples()) {
    const byId = new Map(pop.persons.map((p) => [p.idNumber, p]));
    for (const e of pop.enterprises) {
      const rep = byId.get(e.legalRepresentativeIdNumber);
      t.ok(rep && ageOn(rep.birthDate, e.establishedOn) >= 18, `${label}: ${e.kind} has an adult legal representative`);
    }
    t.ok(pop.enterprises.some((e) => e.kind === 'company') && pop.enterprises.some((e) => e.kind === 'sole_trader'), `${label}: both kinds`);
  }
});

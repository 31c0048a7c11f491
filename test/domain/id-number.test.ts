import t from 'tap';
import { makeIdNumber, maskIdNumber, parseIdNumber } from '../../src/domain/id-number.js';

const today = new Date('2026-11-29T00:00:00Z');

t.test('the published example is valid, lower-case x included', async (t) => {
  for (const input of ['11010519491231002X', '11010519491231002x']) {
    const r = parseIdNumber(input, today);
    t.ok(r.ok, input);
    if (r.ok) {
      t.equal(r.value, '11010519491231002X');
      t.equal(r.birthDate, '1949-12-31');
      t.equal(r.gender, 'female');
    }
  }
});

t.test('full-width digits, full-width X and spaces are folded', async (t) => {
  const r = parseIdNumber(' １１０１０５ １９４９１２３１ ００２Ｘ ', today);
  t.ok(r.ok);
  if (r.ok) t.equal(r.value, '11010519491231002X');
});

t.test('each problem is named, never with the number in the message', async (t) => {
  const cases: Array<[string, string]> = [
    ['1101051949123100', 'length'],
    ['11010519491231002Y', 'characters'],
    ['99010519491231002X', 'region'],
    [makeIdNumber('370202', '20190230', 1), 'date'], // 30 February
    [makeIdNumber('370202', '20190229', 1), 'date'], // 2019 is not a leap year
    [makeIdNumber('370202', '20270101', 1), 'date'], // not born yet
    ['110105194912310021', 'check'],
  ];
  for (const [input, problem] of cases) {
    const r = parseIdNumber(input, today);
    t.notOk(r.ok, input);
    if (!r.ok) {
      t.equal(r.problem, problem, input);
      t.notMatch(r.message, input.slice(0, 14));
    }
  }
  t.ok(parseIdNumber(makeIdNumber('370202', '20200229', 2), today).ok, '29 February of a leap year is fine');
});

t.test('masking keeps the first 6 and last 4', async (t) => {
  t.equal(maskIdNumber('370202201905150010'), '370202********0010');
});

/** The pure mappers: exchange records → normalized facts, onto closed enums with `other` as the fallback. */
import t from 'tap';
import { toAssistance } from '../../connectors/mca/to-assistance.js';
import { toMarriage } from '../../connectors/mca/to-marriage.js';
import { Assistance, Marriage } from '../../schemas/facts/mca.js';
import { assertValid } from './fixtures/helpers.js';

const SPOUSE_1 = '370202198801010021';
const SPOUSE_2 = '37021319900505004X';

t.test('toMarriage: the latest registration on top, history oldest first, spouses masked', async (t) => {
  const fact = toMarriage({
    records: [
      // The exchange lists the latest first; the mapper does not rely on it.
      { spouseIdNumber: SPOUSE_2, registeredOn: '2021-10-01', status: '结婚', divorcedOn: null, authority: '青岛市市北区民政局' },
      { spouseIdNumber: SPOUSE_1, registeredOn: '2012-05-20', status: '离婚', divorcedOn: '2019-03-08', authority: '青岛市市南区民政局' },
    ],
  });
  assertValid(Marriage, fact);
  t.same(fact, {
    status: 'married', registeredOn: '2021-10-01', divorcedOn: null, spouseIdNumberMasked: '370213********004X', authority: '青岛市市北区民政局',
    history: [
      { status: 'divorced', registeredOn: '2012-05-20', divorcedOn: '2019-03-08', spouseIdNumberMasked: '370202********0021', authority: '青岛市市南区民政局' },
      { status: 'married', registeredOn: '2021-10-01', divorcedOn: null, spouseIdNumberMasked: '370213********004X', authority: '青岛市市北区民政局' },
    ],
  });
  t.notOk(JSON.stringify(fact).includes(SPOUSE_1) || JSON.stringify(fact).includes(SPOUSE_2), 'no spouse number in clear');
});

t.test('toMarriage: an order the exchange did not sort, and ties kept in its order', async (t) => {
  const fact = toMarriage({
    records: [
      { spouseIdNumber: SPOUSE_1, registeredOn: '2010-01-01', status: '离婚', divorcedOn: '2011-01-01', authority: 'A' },
      { spouseIdNumber: SPOUSE_2, registeredOn: '2015-01-01', status: '离婚', divorcedOn: '2016-01-01', authority: 'B' },
      { spouseIdNumber: SPOUSE_1, registeredOn: '2015-01-01', status: '结婚', divorcedOn: null, authority: 'C' },
    ],
  });
  t.same(fact.history.map((h) => h.authority), ['A', 'B', 'C']);
  t.equal(fact.authority, 'C');
});

t.test('toMarriage: a status the table does not know is other, not a failure', async (t) => {
  const fact = toMarriage({ records: [{ spouseIdNumber: SPOUSE_1, registeredOn: '2018-08-08', status: '补发结婚证', divorcedOn: null, authority: 'A' }] });
  assertValid(Marriage, fact);
  t.equal(fact.status, 'other');
  t.equal(toMarriage({ records: [{ spouseIdNumber: SPOUSE_1, registeredOn: '2018-08-08', status: ' 离婚 ', divorcedOn: '2020-01-01', authority: 'A' }] }).status, 'divorced', 'spaces around a term are not a new term');
});

t.test('toMarriage: a malformed value becomes one the schema refuses, never a plausible fact', async (t) => {
  t.throws(() => assertValid(Marriage, toMarriage({ records: [{ spouseIdNumber: SPOUSE_1, registeredOn: '2018年08月08日', status: '结婚', divorcedOn: null, authority: 'A' }] })), /registeredOn/);
  t.throws(() => assertValid(Marriage, toMarriage({ records: [{ spouseIdNumber: '12345', registeredOn: '2018-08-08', status: '结婚', divorcedOn: null, authority: 'A' }] })), /spouseIdNumberMasked/);
});

t.test('toAssistance: kinds mapped, sorted by since, expired ones kept, unknown kinds other', async (t) => {
  const fact = toAssistance({
    records: [
      { kind: '最低生活保障', since: '2024-03-01', validUntil: '2027-02-28' },
      { kind: '临时救助', since: '2023-01-15', validUntil: '2023-04-14' },
      { kind: '特困人员救助供养', since: '2016-06-01', validUntil: '2019-05-31' },
    ],
  });
  assertValid(Assistance, fact);
  t.same(fact, [
    { kind: 'extreme_poverty', since: '2016-06-01', validUntil: '2019-05-31' },
    { kind: 'other', since: '2023-01-15', validUntil: '2023-04-14' },
    { kind: 'minimum_living', since: '2024-03-01', validUntil: '2027-02-28' },
  ]);
});

t.test('toAssistance: a date that is no date is refused by the schema', async (t) => {
  t.throws(() => assertValid(Assistance, toAssistance({ records: [{ kind: '最低生活保障', since: '20240301', validUntil: '2027-02-28' }] })), /since/);
});

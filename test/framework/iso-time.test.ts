import t from 'tap';
import { isoTime } from '../../src/iso-time.js';

t.test('the same string as toISOString, whatever order the times come in', async (t) => {
  const times: number[] = [];
  // Every millisecond across second, minute, day, month, year and leap-day boundaries.
  for (const edge of [Date.UTC(2026, 8, 1), Date.UTC(2024, 1, 29, 23, 59, 59), Date.UTC(2025, 11, 31, 23, 59, 59), 0]) {
    for (let ms = edge - 1500; ms <= edge + 1500; ms++) times.push(ms);
  }
  // Far from now (six-digit years, before 1970), fractional times, and jumps back and forth.
  times.push(-1, -999, -1000, -1001, -62198755200001, 253402300799999, 253402300800000, 8.64e15, -8.64e15, 1.5, -1.5, 1767225599999.9, 1_000_000, 2_000_000_000_000);
  for (let i = 0; i < 5000; i++) times.push(Math.floor(Math.random() * 4e12) - 1e12);
  let compared = 0;
  for (const ms of [...times, ...times.reverse()]) {
    const expected = new Date(ms).toISOString();
    if (isoTime(ms) !== expected) t.fail(`${ms}: ${isoTime(ms)} instead of ${expected}`);
    compared++;
  }
  t.equal(compared, times.length * 2, `${compared} times compared`);
  const before = Date.now();
  const now = isoTime();
  t.ok(Date.parse(now) >= before && Date.parse(now) <= Date.now(), 'no argument: now');
});

t.test('times of two clocks asked in turn (now, and Beijing time for NRP) keep their own strings', async (t) => {
  const now = Date.UTC(2026, 8, 1, 7, 59, 58, 990);
  const beijing = 8 * 3_600_000;
  let compared = 0;
  for (let ms = now; ms < now + 2500; ms += 3) {
    for (const at of [ms, ms + beijing, ms, ms + 1000, ms + beijing]) {
      if (isoTime(at) !== new Date(at).toISOString()) t.fail(`${at}: ${isoTime(at)}`);
      compared++;
    }
  }
  t.equal(compared, 4170, `${compared} times compared`);
});

t.test('an invalid time throws as toISOString does', async (t) => {
  for (const bad of [Number.NaN, Infinity, 8.64e15 + 1, -8.64e15 - 1]) {
    t.throws(() => isoTime(bad), RangeError, String(bad));
  }
  t.equal(isoTime(5), '1970-01-01T00:00:00.005Z', 'and works again after a throw');
});

import t from 'tap';
import { makeCreditCode, parseCreditCode } from '../../src/domain/credit-code.js';

t.test('the published example passes its check', async (t) => {
  t.same(parseCreditCode('91350100M000100Y43'), { ok: true, value: '91350100M000100Y43', checkValid: true });
});

t.test('a wrong check character is flagged, not refused (early pilot codes are real)', async (t) => {
  t.same(parseCreditCode('91350100M000100Y44'), { ok: true, value: '91350100M000100Y44', checkValid: false });
});

t.test('form errors are refused', async (t) => {
  t.notOk(parseCreditCode('91350100M000100Y4').ok, 'length');
  t.notOk(parseCreditCode('91350100M0001O0Y43').ok, 'the letter O is not in the set');
});

t.test('made codes are valid', async (t) => {
  const code = makeCreditCode('9', '1', '370202', 'MA3C4D5E');
  const r = parseCreditCode(code);
  t.ok(r.ok && r.checkValid, code);
});

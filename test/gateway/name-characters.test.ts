/**
 * Issue 5 §8: a name is visible text. C0 and C1 controls, unpaired surrogates, format
 * characters (bidirectional overrides and isolates, zero-width characters, BOM) and line
 * separators are refused, each naming the field; real names with a middle dot, rare
 * characters outside the BMP or in the private-use area, and ideographic spaces around
 * them are accepted.
 */
import t from 'tap';
import { family, startTestGateway } from '../helpers/gateway.js';

t.test('characters a name may not hold', async (t) => {
  const gw = await startTestGateway(t);
  const child = family(gw.population, 'house-hukou-match').child!;
  // JSON escapes, so that the request carries exactly these code units (a lone surrogate included).
  const send = (escapedName: string) => gw.post('/v1/verifications',
    `{"purpose":"enrollment.primary","subjects":[{"ref":"child","idNumber":"${child.idNumber}","name":"${escapedName}"}],"facts":{"child":["identity"]}}`);

  const refused: Array<[string, string]> = [
    ['a C0 control', '张\\u0007三'],
    ['a C1 control (NEL)', '张\\u0085三'],
    ['a C1 control (APC)', '张\\u009f三'],
    ['a lone high surrogate', '张\\ud840三'],
    ['a lone low surrogate', '张\\udc00三'],
    ['a right-to-left override', '\\u202e张三'],
    ['a left-to-right isolate', '张\\u2066三\\u2069'],
    ['a right-to-left mark', '张三\\u200f'],
    ['a zero-width space', '张\\u200b三'],
    ['a byte-order mark inside', '张\\ufeff三'],
    ['a line separator', '张\\u2028三'],
    ['a non-character', '张\\uffff三'],
    ['only ideographic spaces', '\\u3000\\u3000'],
  ];
  for (const [label, name] of refused) {
    const res = await send(name);
    t.equal(res.status, 400, label);
    t.equal(res.body.error.code, 'TONGBAN_ERR_VALIDATION');
    t.equal(res.body.error.details?.[0]?.path, '/subjects/0/name', `${label}: the field is named`);
    t.match(res.body.error.details?.[0]?.message, /must be a name/, label);
  }

  const accepted: Array<[string, string]> = [
    ['a middle dot', '阿依古丽·买买提'],
    ['a character outside the BMP', '张\\ud840\\udc00'],
    ['a private-use character (生僻字 in registries)', '张\\ue000'],
    ['ideographic spaces around', `\\u3000${child.name}\\u3000`],
  ];
  for (const [label, name] of accepted) {
    const res = await send(name);
    t.equal(res.status, 200, label);
    t.equal(res.body.facts.child.identity.status, 'found', `${label}: the registry was asked`);
  }
  const trimmed = await send(`\\u3000${child.name}\\u3000`);
  t.equal(trimmed.body.facts.child.identity.value.nameMatches, true, 'ideographic spaces are trimmed before comparing');
});

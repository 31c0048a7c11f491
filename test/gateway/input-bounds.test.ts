/**
 * Issue 5 §1: the API's bounds on subject fields are never looser than what the agencies
 * accept. They are derived from the connectors' input schemas, and a value at the API's
 * limit is accepted by every connector that receives it (over real HTTP, against the mocks).
 */
import t from 'tap';
import { SUBJECT_FIELD_MAX_LENGTH } from '../../schemas/api.js';
import { SUBJECT_FIELDS } from '../../src/connectors/types.js';
import { family, startTestGateway } from '../helpers/gateway.js';

t.test('every subject field is bounded by the tightest connector that receives it', async (t) => {
  const gw = await startTestGateway(t);
  const { hub } = gw.gateway;
  const derived = hub.subjectFieldMaxLengths();
  t.equal(derived.name, 30, 'PSB identity check takes names of at most 30 characters');
  const receivers = new Map<string, string[]>();
  for (const r of hub.runtimes.values()) {
    const properties = r.definition.input.properties as Record<string, { maxLength?: number }>;
    for (const field of SUBJECT_FIELDS) {
      if (!Object.hasOwn(properties, field)) continue;
      receivers.set(field, [...(receivers.get(field) ?? []), r.id]);
      const agencyMax = properties[field]!.maxLength;
      if (agencyMax !== undefined) t.ok(Math.min(SUBJECT_FIELD_MAX_LENGTH[field], derived[field]!) <= agencyMax, `${field}: API bound within ${r.id}'s ${agencyMax}`);
    }
  }
  t.ok(receivers.get('name')?.includes('psb.identity-check'), 'the name reaches the identity check');
});

t.test('a name at the API limit is accepted by the registry; one character more is refused by the API', async (t) => {
  const gw = await startTestGateway(t);
  const child = family(gw.population, 'house-hukou-match').child!;
  const limit = gw.gateway.hub.subjectFieldMaxLengths().name!;
  const ask = (name: string) => gw.post('/v1/verifications', {
    purpose: 'enrollment.primary',
    subjects: [{ ref: 'child', idNumber: child.idNumber, name }],
    facts: { child: ['identity', 'hukou', 'household', 'hukouMoves', 'residencePermit', 'properties'] },
  });

  const atLimit = await ask('张'.repeat(limit));
  t.equal(atLimit.status, 200);
  for (const s of atLimit.body.sources) t.ok(s.status === 'ok' || s.status === 'not_found', `${s.connector} answered (${s.status})`);
  t.equal(atLimit.body.facts.child.identity.value.nameMatches, false, 'the registry compared the name');

  const over = await ask('张'.repeat(limit + 1));
  t.equal(over.status, 400);
  t.same(over.body.error.details, [{ path: '/subjects/0/name', message: `must NOT have more than ${limit} characters` }]);
});

t.test('a certificate number at the longest valid form is accepted by every NRP connector', async (t) => {
  const gw = await startTestGateway(t);
  // Province, (year), a 12-character place, 不动产证明, an 8-digit serial: the longest the pattern allows.
  const longest = '鲁(2021)青岛市崂山区沙子口街道镇不动产证明第12345678号';
  t.equal([...longest].length, 34);
  const res = await gw.post('/v1/verifications', {
    purpose: 'enrollment.primary',
    subjects: [{ ref: 'home', certificateNumber: ` ${longest.replace('(', '（').replace(')', '）')} ` }],
    facts: { home: ['properties'] },
  });
  t.equal(res.status, 200, JSON.stringify(res.body));
  t.ok(res.body.sources.length >= 2);
  for (const s of res.body.sources) t.equal(s.status, 'not_found', `${s.connector} answered`);
});

/** The HRSS facts resolve through their connectors: socialInsurance from two calls made at once. */
import t from 'tap';
import { employmentFact, socialInsuranceFact } from '../../connectors/hrss/index.js';
import type { CallConnector, PersonSubject, Resolution } from '../../src/connectors/types.js';
import { expectedEmployment, expectedSocialInsurance } from './fixtures/expected.js';
import { UNKNOWN_ID, assertValid, clientFor, directCall, found, startMock, variantPopulation } from './fixtures/helpers.js';

const person = (idNumber: string): PersonSubject => ({ kind: 'person', ref: 'father', idNumber, name: '张建国' });

t.test('the HRSS facts', async (t) => {
  const { population: pop, cases } = variantPopulation();
  const mock = await startMock(t, { population: pop });
  const { client } = clientFor(t, mock.url);

  t.test('socialInsurance: status and months, both asked before either answers', async (t) => {
    const events: string[] = [];
    const call = directCall(client);
    const tracing = (async (connector, input) => {
      events.push(`start ${connector.id}`);
      const result = await call(connector, input);
      events.push(`end ${connector.id}`);
      return result;
    }) as CallConnector;
    const value = found(t, await socialInsuranceFact.resolve(person(cases.gap), tracing));
    assertValid(socialInsuranceFact.schema, value);
    t.same(events.slice(0, 2), ['start hrss.insurance-status', 'start hrss.insurance-history'], 'in parallel');
    t.same(value, expectedSocialInsurance(pop, cases.gap));
  });

  t.test('socialInsurance: not found when the registry has no record', async (t) => {
    t.same(await socialInsuranceFact.resolve(person(UNKNOWN_ID), directCall(client)), { status: 'not_found' });
    t.same(await socialInsuranceFact.resolve(person(cases.unknownToHrss), directCall(client)), { status: 'not_found' });
  });

  t.test('socialInsurance: an unavailable call makes the fact unavailable, never a fact with 0 months', async (t) => {
    const failing = (id: string): CallConnector => (async (connector, input) =>
      connector.id === id ? { status: 'unavailable' } : directCall(client)(connector, input)) as CallConnector;
    t.same(await socialInsuranceFact.resolve(person(cases.gap), failing('hrss.insurance-history')), { status: 'unavailable' });
    t.same(await socialInsuranceFact.resolve(person(cases.gap), failing('hrss.insurance-status')), { status: 'unavailable' });
  });

  t.test('employment', async (t) => {
    const value = found(t, await employmentFact.resolve(person(cases.gap), directCall(client)));
    t.same(value, expectedEmployment(pop, cases.gap));
    t.same(await employmentFact.resolve(person(UNKNOWN_ID), directCall(client)), { status: 'not_found' } satisfies Resolution<never>);
  });
});

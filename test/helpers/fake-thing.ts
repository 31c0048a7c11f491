/**
 * The throwaway connector of the framework's tests: a thing by a numeric id, from a fake
 * agency each test starts over real HTTP (`GET /thing/:id` answering `{ value }`). Tests
 * add the breaker, fetch and map they need.
 */
import { Type } from '@sinclair/typebox';

export const THING_VALUE = Type.Object({ value: Type.Number() }, { additionalProperties: false });

export const FAKE_THING = {
  id: 'fake.thing',
  agency: 'fake',
  title: 'a thing by id, for tests',
  dataItem: 'identity' as const,
  input: Type.Object({ id: Type.String({ pattern: '^\\d{1,6}$' }) }, { additionalProperties: false }),
  schema: THING_VALUE,
  ttl: { foundMs: 60_000, notFoundMs: 1_000 },
};

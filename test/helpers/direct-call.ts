/**
 * Connector calls the way src/'s runtime makes them, minus cache and breaker: fetch, map,
 * validate against the connector's schema. Agency tests use these to exercise their
 * connectors and facts against their mock without the whole gateway.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import type { Test } from 'tap';
import {
  UpstreamError,
  type CallConnector,
  type ConnectorDefinition,
  type ConnectorInput,
  type Resolution,
} from '../../src/connectors/types.js';
import { describeErrors, validatorFor } from '../../src/validation.js';

export interface CallLog { connector: string; input: ConnectorInput; status: Resolution<unknown>['status'] }

/** Throws with the schema errors when a mapped value breaks its schema. */
export function assertValid<S extends TSchema>(schema: S, value: unknown): asserts value is Static<S> {
  const validate = validatorFor(schema);
  if (!validate(value)) throw new Error(`breaks its schema: ${describeErrors(validate.errors).join('; ')}`);
}

/** One call: a found value is validated; an UpstreamError propagates. */
export async function callThrough<Client, Input extends ConnectorInput, S extends TSchema>(
  client: Client,
  connector: ConnectorDefinition<Client, Input, any, S>,
  input: Input,
): Promise<Resolution<Static<S>>> {
  const answer = await connector.fetch(client, input, AbortSignal.timeout(10_000));
  if (answer.outcome === 'not_found') return { status: 'not_found' };
  const value = connector.map(answer.data, input);
  assertValid(connector.schema, value);
  return { status: 'found', value };
}

/** A CallConnector for facts' resolve: an UpstreamError is `unavailable`; every call is logged in order. */
export function directCall(client: unknown, log: CallLog[] = []): CallConnector {
  const call = async (connector: ConnectorDefinition<any, ConnectorInput, any, any>, input: ConnectorInput): Promise<Resolution<unknown>> => {
    let result: Resolution<unknown>;
    try {
      result = await callThrough(client, connector, input);
    } catch (err) {
      if (!(err instanceof UpstreamError)) throw err;
      result = { status: 'unavailable' };
    }
    log.push({ connector: connector.id, input, status: result.status });
    return result;
  };
  return call as CallConnector;
}

/** Asserts a Resolution is found and hands back its value. */
export function found<V>(t: Test, resolution: Resolution<V>): V {
  if (resolution.status !== 'found') throw new Error(`expected found, got ${resolution.status}`);
  t.pass('found');
  return resolution.value;
}

/** Catches what `fn` throws; fails the test if it is not an UpstreamError. */
export async function upstreamError(fn: () => Promise<unknown>): Promise<UpstreamError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof UpstreamError) return err;
    throw err;
  }
  throw new Error('expected an UpstreamError, the call succeeded');
}

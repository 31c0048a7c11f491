/**
 * Resolves every planned (subject, fact) in parallel. A fact's dependent calls start as
 * soon as their input is known (they are awaits inside its resolve). Within one request
 * an identical connector call is made once and shared, so the sources list has one entry
 * per upstream call, and the HMAC of an input is computed once for every connector that
 * takes it. A failing source never fails the request: the fact is `unavailable` and the
 * answer `partial`.
 */
import { randomUUID } from 'node:crypto';
import type { TSchema } from '@sinclair/typebox';
import type { FactResult, SourceResult, VerificationResponse } from '../../schemas/api.js';
import type { ConnectorHub } from '../connectors/hub.js';
import type { CallLogger, CallRecord, SourceRecord } from '../connectors/runtime.js';
import type { CallConnector, ConnectorInput, Resolution } from '../connectors/types.js';
import { canonicalInput } from '../subject-key.js';
import { isoTime } from '../iso-time.js';
import { describeErrors, validatorFor } from '../validation.js';
import type { NormalizedRequest } from './normalize.js';
import { evaluateChecks, profileOutcome } from '../checks/evaluate.js';

/** One upstream call of a request; its record is the source entry the answer lists, `schema` what its runtime validated a found value against. */
interface SharedCall { record: CallRecord<unknown> | Promise<CallRecord<unknown>>; subjects: string[]; schema: TSchema }

/** A verification's answer and, when every source came fresh from the cache, how long all of them stay fresh. */
export interface Verified {
  response: VerificationResponse;
  /** When the first of its cached sources expires; undefined unless every source was a cache hit. */
  freshUntil: number | undefined;
}

export async function runVerification(req: NormalizedRequest, hub: ConnectorHub, log: CallLogger & { error(obj: object, msg: string): void }): Promise<Verified> {
  const id = randomUUID();
  const createdAt = isoTime();
  const calls = new Map<string, SharedCall>();
  // Every call ends by then; a dependent call gets what its predecessors left.
  const deadlineAt = performance.now() + hub.deadlineMs;
  const keys = new Map<string, string>();

  // One result per planned (subject, fact), by plan index: client-chosen refs never key a plain object.
  const results: FactResult[] = new Array(req.plan.length);
  await Promise.all(req.plan.map(async ({ subject, fact }, index) => {
    const provenance: SourceRecord[] = [];
    // Values a connector with exactly this fact's schema handed over: its runtime validated
    // them against that schema and froze them, so one passed on as is needs no second check.
    let checked: unknown[] | undefined;
    const call: CallConnector = async (connector, input) => {
      const canonical = canonicalInput(input as ConnectorInput);
      const callKey = `${connector.id}\u0000${canonical}`;
      let shared = calls.get(callKey);
      if (shared === undefined) {
        let key = keys.get(canonical);
        if (key === undefined) {
          key = hub.keyer(canonical);
          keys.set(canonical, key);
        }
        const runtime = hub.runtime(connector.id);
        shared = { record: runtime.call(input as ConnectorInput, log, key, deadlineAt), subjects: [], schema: runtime.definition.schema };
        calls.set(callKey, shared);
      }
      if (!shared.subjects.includes(subject.ref)) shared.subjects.push(subject.ref);
      const record = await shared.record;
      provenance.push(record.source);
      if (record.resolution.status === 'found' && shared.schema === fact.schema) (checked ??= []).push(record.resolution.value);
      return record.resolution as Resolution<never>;
    };

    let resolution: Resolution<unknown>;
    try {
      resolution = await fact.resolve(subject as never, call);
    } catch (err) {
      // A resolve that throws is a defect in a fact declaration, not the client's problem.
      log.error({ fact: fact.name, err: (err as Error).message }, 'fact resolution failed');
      resolution = { status: 'unavailable' };
    }
    if (resolution.status === 'found' && !checked?.includes(resolution.value)) {
      const validate = validatorFor(fact.schema);
      if (!validate(resolution.value)) {
        log.error({ fact: fact.name, problems: describeErrors(validate.errors).slice(0, 3) }, 'assembled fact breaks its schema');
        resolution = { status: 'unavailable' };
      }
    }
    results[index] = resolution.status === 'found'
      ? { status: 'found', value: resolution.value, provenance }
      : { status: resolution.status, provenance };
  }));

  const sources: SourceResult[] = [];
  let failed = false;
  let freshUntil = calls.size > 0 ? Infinity : undefined;
  for (const { record, subjects } of calls.values()) {
    // Every call has settled (the facts awaited them); the record is the answer's source entry.
    const settled = await record;
    if (freshUntil !== undefined) freshUntil = settled.freshUntil === undefined ? undefined : Math.min(freshUntil, settled.freshUntil);
    const source = settled.source as SourceResult;
    source.subjects = subjects;
    if (source.status !== 'ok' && source.status !== 'not_found') failed = true;
    sources.push(source);
  }
  // A stale answer still determines its fact (its source entry says it is stale).
  if (!failed) failed = results.some((f) => f.status === 'unavailable');

  const checks = evaluateChecks(req, results, log);
  const judged = req.profile ? profileOutcome(req.profile, req.asOf!, checks) : undefined;
  const response: VerificationResponse = {
    id,
    purpose: req.purpose,
    ...(req.reference !== undefined ? { reference: req.reference } : {}),
    status: failed ? 'partial' : 'complete',
    createdAt,
    facts: factsByRef(req, results),
    sources,
    checks,
    ...(judged ? { outcome: judged.outcome, profile: judged.profile } : {}),
  };
  return { response, freshUntil: failed ? undefined : freshUntil };
}

/**
 * `facts.<ref>.<fact>` in the order the request named them; facts only checks read are not
 * returned. The objects have no prototype: a ref named `constructor` or `toString` is just
 * a key, never a built-in of the process.
 */
function factsByRef(req: NormalizedRequest, results: FactResult[]): VerificationResponse['facts'] {
  const out = Object.create(null) as VerificationResponse['facts'];
  req.plan.forEach(({ subject, fact, returned }, i) => {
    if (!returned) return;
    let bySubject = out[subject.ref];
    if (bySubject === undefined) {
      bySubject = Object.create(null) as Record<string, FactResult>;
      out[subject.ref] = bySubject;
    }
    bySubject[fact.name] = results[i]!;
  });
  return out;
}

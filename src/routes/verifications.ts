/** POST /v1/verifications: one normalized question about a family, answered from the registries. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { VerificationResponse, outOfBounds, verificationRequestSchema, type VerificationRequest } from '../../schemas/api.js';
import { GatewayError } from '../errors.js';
import { useJsonBody } from '../plugins/json-body.js';
import { validatorFor } from '../validation.js';
import { isoTime } from '../iso-time.js';
import type { StoredAnswer } from '../verification/answer-cache.js';
import { normalizeRequest } from '../verification/normalize.js';
import { runVerification } from '../verification/run.js';
import { CHECK_TYPES } from '../checks/index.js';

const JSON_UTF8 = 'application/json; charset=utf-8';

declare module 'fastify' {
  interface FastifyRequest {
    /** The key its answer is kept under when every source turns out a fresh cache hit (null: not kept: caching off, or a body not asked before). */
    answerKey: string | null;
    /** The answer kept for the same body, found before the body was parsed (null: none; the body is then parsed and verified). */
    replay: StoredAnswer | null;
  }
}

export default async function verificationRoutes(app: FastifyInstance) {
  app.decorateRequest('answerKey', null);
  app.decorateRequest('replay', null);
  const { hub, config, profiles, capacity, answers } = app.tongban;
  // The same body again, while its last answer's sources are all fresh: found from the
  // body's text before it is parsed (answer-cache.ts); a replay needs no parsed body.
  if (answers) {
    useJsonBody(app, (request, text) => {
      const key = answers.key(text);
      const stored = answers.get(key);
      if (stored === undefined) {
        // Kept, if every source turns out a fresh hit, only for a body asked before.
        if (answers.askedBefore(key)) request.answerKey = key;
        return false;
      }
      request.replay = stored;
      return true;
    });
  }
  // Subject field lengths are bounded by the tightest agency that receives them.
  const body = verificationRequestSchema(hub.factNames(), config.limits, hub.subjectFieldMaxLengths(), CHECK_TYPES);
  const validate = validatorFor(body);

  app.post<{ Body: VerificationRequest }>('/v1/verifications', {
    // The response schema compiles a serializer (fast-json-stringify): provenance entries
    // carry only their six fields even when they share their object with the source entry.
    schema: { body, response: { 200: VerificationResponse } },
    // Size bounds first: a body far past them gets one detail per bound, not one per element.
    validatorCompiler: () => (data: unknown) => {
      const problems = outOfBounds(data, config.limits);
      if (problems.length) return { error: new GatewayError('TONGBAN_ERR_VALIDATION', problems) };
      return validate(data) ? { value: data } : { error: Object.assign(new Error('validation'), { validation: validate.errors }) };
    },
    // The same body again, while its last answer's sources are all fresh: that answer, with
    // this request's id and time, before validation and the fan-out (answer-cache.ts).
    ...(answers ? {
      preValidation: (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
        const stored = request.replay;
        if (stored === null) return done();
        const id = randomUUID();
        request.logFields = { verification: id, ...stored.logFields, replayed: true };
        void reply.type(JSON_UTF8).send(answers.replay(stored, id, isoTime()));
      },
    } : {}),
  }, async (request, reply) => {
    const normalized = normalizeRequest(request.body, hub, profiles);
    // A turn first (src/capacity.ts): the deadline starts when the verification does.
    let turn;
    try {
      const entered = capacity.enter();
      turn = 'release' in entered ? entered : await entered;
    } catch (err) {
      // At capacity (TONGBAN_ERR_OVERLOADED): the request's one log line says so.
      request.logFields = { code: (err as { code?: string }).code };
      void reply.header('retry-after', '1');
      throw err;
    }
    // A client that left while it waited (its connection closed) is not verified for
    // nobody; no answer can reach it, so the line that says so is written here.
    if (turn.waitedMs > 0 && request.socket.destroyed) {
      turn.release();
      request.log.info({ method: request.method, url: request.routeOptions.url, queuedMs: Math.round(turn.waitedMs) }, 'client left before its turn');
      return reply.hijack();
    }
    let verified;
    try {
      verified = await runVerification(normalized, hub, request.log);
    } finally {
      turn.release();
    }
    const { response, freshUntil } = verified;
    // On the request's one log line. Not the purpose or reference: they are the client's
    // words (the audit trail keeps them). Failed sources by name, the rest counted.
    let hits = 0;
    let failed: string[] | undefined;
    for (const s of response.sources) {
      if (s.cache === 'hit') hits++;
      if (s.status !== 'ok' && s.status !== 'not_found') (failed ??= []).push(`${s.connector}:${s.status}`);
    }
    const summary = {
      outcome: response.status, sources: response.sources.length, hits, ...(failed ? { failed } : {}),
      ...(response.checks.length ? { checks: response.checks.length, ...(response.outcome ? { admission: response.outcome } : {}) } : {}),
    };
    request.logFields = { verification: response.id, ...summary, ...(turn.waitedMs > 0 ? { queuedMs: Math.round(turn.waitedMs) } : {}) };
    // Asked before, and every source a fresh cache hit: the answer is kept for the same body
    // (serialized once, with marks where this request's id and time go, and sent as that).
    if (freshUntil !== undefined && answers !== undefined && request.answerKey !== null) {
      const marked = reply.serialize({ ...response, id: answers.idMark, createdAt: answers.timeMark }) as string;
      const stored = answers.put(request.answerKey, marked, summary, freshUntil);
      if (stored !== undefined) {
        void reply.type(JSON_UTF8);
        return answers.replay(stored, response.id, response.createdAt);
      }
    }
    // The answer itself, not the reply: a returned Reply is a thenable that would wait on the
    // response's end (listeners on every response) before fastify sends it anyway.
    return response;
  });
}

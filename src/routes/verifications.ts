/** POST /v1/verifications: one normalized question about a family, answered from the registries. */
import type { FastifyInstance } from 'fastify';
import { outOfBounds, verificationRequestSchema, type VerificationRequest } from '../../schemas/api.js';
import { GatewayError } from '../errors.js';
import { validatorFor } from '../validation.js';
import { normalizeRequest } from '../verification/normalize.js';
import { runVerification } from '../verification/run.js';

export default async function verificationRoutes(app: FastifyInstance) {
  const { hub, config } = app.tongban;
  // Subject field lengths are bounded by the tightest agency that receives them.
  const body = verificationRequestSchema(hub.factNames(), config.limits, hub.subjectFieldMaxLengths());
  const validate = validatorFor(body);

  app.post<{ Body: VerificationRequest }>('/v1/verifications', {
    schema: { body },
    // Size bounds first: a body far past them gets one detail per bound, not one per element.
    validatorCompiler: () => (data: unknown) => {
      const problems = outOfBounds(data, config.limits);
      if (problems.length) return { error: new GatewayError('TONGBAN_ERR_VALIDATION', problems) };
      return validate(data) ? { value: data } : { error: Object.assign(new Error('validation'), { validation: validate.errors }) };
    },
  }, async (request, reply) => {
    const normalized = normalizeRequest(request.body, hub);
    const response = await runVerification(normalized, hub, request.log);
    // Not the purpose or reference: they are the client's words (the audit trail keeps them).
    request.log.info({
      verification: response.id,
      status: response.status,
      sources: response.sources.map((s) => `${s.connector}:${s.status}:${s.cache}`),
    }, 'verification answered');
    return reply.status(200).send(response);
  });
}

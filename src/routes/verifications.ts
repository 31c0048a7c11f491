/** POST /v1/verifications: one normalized question about a family, answered from the registries. */
import type { FastifyInstance } from 'fastify';
import { verificationRequestSchema, type VerificationRequest } from '../../schemas/api.js';
import { normalizeRequest } from '../verification/normalize.js';
import { runVerification } from '../verification/run.js';

export default async function verificationRoutes(app: FastifyInstance) {
  const { hub, config } = app.tongban;
  const body = verificationRequestSchema(hub.factNames(), config.limits);

  app.post<{ Body: VerificationRequest }>('/v1/verifications', { schema: { body } }, async (request, reply) => {
    const normalized = normalizeRequest(request.body, hub);
    const response = await runVerification(normalized, hub, request.log);
    request.log.info({
      verification: response.id,
      purpose: response.purpose,
      status: response.status,
      sources: response.sources.map((s) => `${s.connector}:${s.status}:${s.cache}`),
    }, 'verification answered');
    return reply.status(200).send(response);
  });
}

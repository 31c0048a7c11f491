/**
 * Builds the fastify app around a ready ConnectorHub. Start order: our plugins (errors),
 * then routes. The app owns nothing it did not create: the hub is closed by its creator.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../schemas/config.js';
import type { ConnectorHub } from './connectors/hub.js';
import { validatorFor } from './validation.js';
import errorsPlugin from './plugins/errors.js';
import verificationRoutes from './routes/verifications.js';
import healthRoutes from './routes/health.js';

export interface Tongban { config: Readonly<Config>; hub: ConnectorHub }

declare module 'fastify' {
  interface FastifyInstance { tongban: Tongban }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export async function buildApp(options: { config: Readonly<Config>; hub: ConnectorHub; logger: Logger }): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    bodyLimit: options.config.server.bodyLimitBytes,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  // Our one strict ajv: no coercion (an ID number sent as a number is refused, never
  // rounded into a string), no silent removal of unknown fields.
  app.setValidatorCompiler(({ schema }) => validatorFor(schema as never));
  app.decorate('tongban', { config: options.config, hub: options.hub });
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  await app.register(errorsPlugin);
  await app.register(healthRoutes);
  await app.register(verificationRoutes);
  return app;
}

/**
 * Builds the fastify app around a ready ConnectorHub. Start order: our plugins (JSON body,
 * errors), then routes (the sandbox's fault routes only in the sandbox). The app owns
 * nothing it did not create: the hub and the mocks are closed by their creator.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../schemas/config.js';
import type { RunningMock } from '../mocks/types.js';
import type { ConnectorHub } from './connectors/hub.js';
import { SafeLogController } from './request-log.js';
import { validatorFor } from './validation.js';
import { compileProfiles, type CompiledProfile } from './checks/profiles.js';
import { Capacity } from './capacity.js';
import { AnswerCache } from './verification/answer-cache.js';
import errorsPlugin, { clientErrorHandler, frameworkErrors } from './plugins/errors.js';
import jsonBody from './plugins/json-body.js';
import verificationRoutes from './routes/verifications.js';
import healthRoutes from './routes/health.js';
import connectorRoutes from './routes/connectors.js';
import checkRoutes from './routes/checks.js';

export interface Tongban {
  config: Readonly<Config>;
  hub: ConnectorHub;
  /** Admission profiles by name, compiled from the config at start. */
  profiles: ReadonlyMap<string, CompiledProfile>;
  /** How many verifications run at once, and the queue of the others (src/capacity.ts). */
  capacity: Capacity;
  /** Whole answers for requests sent again (src/verification/answer-cache.ts); undefined when caching is off. */
  answers: AnswerCache | undefined;
}

declare module 'fastify' {
  interface FastifyInstance { tongban: Tongban }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** A caller's request id is logged on every line: one that could hold an ID number (15+ digits in a row) is replaced. */
const DIGIT_RUN = /\d{15}/;

export async function buildApp(options: {
  config: Readonly<Config>;
  hub: ConnectorHub;
  logger: Logger;
  /** The sandbox's mock agencies, running in this process: their fault switches get routes (sandbox only). */
  mocks?: ReadonlyMap<string, RunningMock>;
}): Promise<FastifyInstance> {
  const { server } = options.config;
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    bodyLimit: server.bodyLimitBytes,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) && !DIGIT_RUN.test(given) ? given : randomUUID();
    },
    // One line per request, never the query string or the request (request-log.ts).
    logController: new SafeLogController(),
    // Slow clients are cut off (node checks the header and request timeouts at this interval).
    http: { headersTimeout: server.headersTimeoutMs, connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(server.headersTimeoutMs / 4))) },
    requestTimeout: server.requestTimeoutMs,
    connectionTimeout: server.idleTimeoutMs,
    keepAliveTimeout: server.keepAliveTimeoutMs,
    frameworkErrors,
    clientErrorHandler: clientErrorHandler(options.logger),
  });
  // Our one strict ajv: no coercion (an ID number sent as a number is refused, never
  // rounded into a string), no silent removal of unknown fields.
  app.setValidatorCompiler(({ schema }) => validatorFor(schema as never));
  // Verifications that take 40 % of the deadline on average are close to being cut by it.
  const capacity = new Capacity({ ...options.config.capacity, targetMs: options.config.verification.deadlineMs * 0.4 });
  const { cache } = options.config;
  const answers = cache.maxAnswers > 0 && cache.maxEntriesPerConnector > 0
    ? new AnswerCache({ max: cache.maxAnswers, maxBytes: Math.round(cache.answersMaxMiB * 1024 * 1024), keyer: options.hub.keyer })
    : undefined;
  app.decorate('tongban', { config: options.config, hub: options.hub, profiles: compileProfiles(options.config.profiles), capacity, answers });
  // The limit follows the event loop while the app serves; waiting verifications are refused when it closes.
  app.addHook('onReady', (done) => { capacity.start(); done(); });
  app.addHook('onClose', (_app, done) => { capacity.stop(); done(); });
  app.decorateRequest('logFields', null);
  // Set before anything else can answer: every response carries the id (a callback hook: no promise per request).
  app.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });

  await app.register(jsonBody);
  await app.register(errorsPlugin);
  await app.register(healthRoutes);
  await app.register(verificationRoutes);
  await app.register(connectorRoutes);
  await app.register(checkRoutes);
  // Loaded only in the sandbox: outside it the routes do not exist (404).
  if (options.config.sandbox.enabled && options.mocks) {
    const { default: sandboxRoutes } = await import('./routes/sandbox.js');
    await app.register(sandboxRoutes, { mocks: options.mocks });
  }
  return app;
}

/**
 * One way to build, start and stop a mock agency: Fastify without logs, the registry's
 * own latency (`latencyMs`), the fault seam, the agency's routes, then listen. Every mock is
 * made with these, so that every mock obeys the same switches.
 */
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { MockStartOptions, RunningMock } from '../types.js';
import { FAULT_KINDS, FaultSwitch } from './faults.js';
import { addLatency } from './latency.js';

export interface MockServer {
  app: FastifyInstance;
  faults: FaultSwitch;
}

/**
 * A mock's Fastify instance with the shared hooks installed. `interfaceOf` names the
 * interface a request is for (after its body is parsed), so that a fault can target one.
 */
export function createMockServer(
  options: Pick<MockStartOptions<unknown>, 'latencyMs'>,
  interfaceOf: (request: FastifyRequest) => string | undefined = () => undefined,
  /**
   * For the `corrupt` fault: the agency's answer changed so that the fact mapped from it
   * breaks its schema (a date that is not one, a number that is text), in the agency's own
   * format. The gateway must refuse it (invalid_response), never pass it on.
   */
  corrupt: (payload: unknown) => unknown = (payload) => payload,
): MockServer {
  const app = Fastify({ logger: false });
  const faults = new FaultSwitch();
  addLatency(app, options.latencyMs);
  app.addHook('onSend', async (request, _reply, payload) => (faults.active(interfaceOf(request))?.kind === 'corrupt' ? corrupt(payload) : payload));
  app.addHook('preHandler', async (request, reply) => {
    const fault = faults.active(interfaceOf(request));
    if (fault && (await FAULT_KINDS[fault.kind]!(fault, request, reply, faults))) return reply;
    return undefined;
  });
  app.addHook('preClose', (done) => {
    faults.releaseAll();
    done();
  });
  return { app, faults };
}

/** Listens on the options' host and port (0: a free one) and returns the running mock. */
export async function listenMock(agency: string, server: MockServer, options: Pick<MockStartOptions<unknown>, 'host' | 'port'>): Promise<RunningMock> {
  await server.app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  const { address, family, port } = server.app.server.address() as AddressInfo;
  const host = family === 'IPv6' ? `[${address}]` : address;
  return { agency, url: `http://${host}:${port}`, faults: server.faults, close: () => server.app.close() };
}

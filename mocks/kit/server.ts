/**
 * One way to build, start and stop a mock agency: Fastify without logs, the registry's
 * own latency (`latencyMs`), the fault seam, the agency's routes, then listen. Every mock is
 * made with these, so that every mock obeys the same switches.
 */
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { MockStartOptions, RunningMock } from '../types.js';
import { FAULT_KINDS, FaultSwitch, type FaultContext, type FaultStyle } from './faults.js';
import { addLatency } from './latency.js';

export interface MockServer {
  app: FastifyInstance;
  faults: FaultSwitch;
  traffic: Traffic;
}

/** Requests a mock received, by its interface names ('other' for none): tests read what the gateway asked, and what it did not. */
export class Traffic {
  private readonly counts = new Map<string, number>();
  count(name: string | undefined): void {
    const key = name ?? 'other';
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  /** Requests per interface since the start or the last reset. */
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
  reset(): void {
    this.counts.clear();
  }
}

/** What the kit needs to know of an agency to make it misbehave in its own way. */
export interface MockDefinition {
  /** The mock's names for its interfaces: a fault may target one of them (`interface`). */
  interfaces: readonly string[];
  /** The interface a request is for (called after its body is parsed); undefined: none of them. */
  interfaceOf(request: FastifyRequest): string | undefined;
  /** How the agency says each failure (its own codes, statuses and formats). */
  faultStyle: FaultStyle;
}

/**
 * Requests a second the mock grants before its quota refusal: the mock's own tuning, else
 * the start options' (0: no quota at all, as the benchmarks ask), else its default.
 */
export function mockQuota(options: Pick<MockStartOptions<unknown>, 'quotaPerSecond'>, tuned: number | undefined, fallback: number): number {
  return tuned ?? (options.quotaPerSecond === 0 ? Infinity : options.quotaPerSecond) ?? fallback;
}

/** A mock's Fastify instance with the shared hooks installed. */
export function createMockServer(options: Pick<MockStartOptions<unknown>, 'latencyMs'>, definition: MockDefinition): MockServer {
  const app = Fastify({ logger: false });
  const faults = new FaultSwitch(definition.interfaces);
  const traffic = new Traffic();
  const style = definition.faultStyle;
  addLatency(app, options.latencyMs);
  app.addHook('preHandler', (request, _reply, done) => {
    traffic.count(definition.interfaceOf(request));
    done();
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const fault = faults.active(definition.interfaceOf(request));
    const send = fault === undefined ? undefined : FAULT_KINDS[fault.kind]?.send;
    return send ? send({ fault: fault!, request, reply, faults, style }, payload) : payload;
  });
  app.addHook('preHandler', async (request, reply) => {
    const fault = faults.active(definition.interfaceOf(request));
    const handle = fault === undefined ? undefined : FAULT_KINDS[fault.kind]?.request;
    const context: FaultContext | undefined = handle ? { fault: fault!, request, reply, faults, style } : undefined;
    if (handle && (await handle(context!))) return reply;
    return undefined;
  });
  app.addHook('preClose', (done) => {
    faults.close();
    done();
  });
  return { app, faults, traffic };
}

/**
 * Listens on the options' host and port (0: a free one) and returns the running mock. The
 * fault switch gets the listener, so that an `outage` can close it and open it again on
 * the same address (the gateway's config points at that URL).
 */
export async function listenMock(agency: string, server: MockServer, options: Pick<MockStartOptions<unknown>, 'host' | 'port'>): Promise<RunningMock> {
  await server.app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  const http = server.app.server;
  const { address, family, port } = http.address() as AddressInfo;
  server.faults.attach({
    stop: () => new Promise((resolve) => {
      http.close(() => resolve());
      // Kept-alive and in-flight connections too: nothing is answered while the agency is down.
      http.closeAllConnections();
    }),
    start: () => new Promise((resolve, reject) => {
      const failed = (err: Error) => reject(err);
      http.once('error', failed);
      http.listen({ host: address, port }, () => {
        http.off('error', failed);
        resolve();
      });
    }),
  });
  const host = family === 'IPv6' ? `[${address}]` : address;
  return { agency, url: `http://${host}:${port}`, faults: server.faults, traffic: server.traffic, close: () => server.app.close() };
}

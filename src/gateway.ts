/**
 * Assembles a running gateway from a loaded config: in sandbox mode the mock agencies
 * first (in this process, on free or configured ports), then the connector hub, then the
 * HTTP app. Tests use the same function as `npm start`, so they run what ships.
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import type { FastifyInstance } from 'fastify';
import type { Population } from '../schemas/population.js';
import { AGENCIES } from '../connectors/index.js';
import { MOCKS } from '../mocks/index.js';
import type { MockAgency, RunningMock } from '../mocks/types.js';
import { sandboxPopulation } from '../mocks/population/load.js';
import { buildApp } from './app.js';
import { ConnectorHub } from './connectors/hub.js';
import type { AgencyModule } from './connectors/types.js';
import type { LoadedConfig } from './config/load.js';
import { loggerOptions } from './logger.js';
import { createSubjectKeyer } from './subject-key.js';

export interface GatewayOptions {
  loaded: LoadedConfig;
  /** Where logs go (default stdout). Tests capture them. */
  logStream?: DestinationStream;
  /** The sandbox population (default: from the config: file or seed). */
  population?: Population;
  agencies?: AgencyModule[];
  mocks?: MockAgency[];
}

export interface Gateway {
  app: FastifyInstance;
  hub: ConnectorHub;
  log: Logger;
  /** Running mock agencies by agency id (sandbox mode only). */
  mocks: Map<string, RunningMock>;
  population: Population | undefined;
  close(): Promise<void>;
}

export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const { config, sandboxSecret } = options.loaded;
  const log = options.logStream ? pino(loggerOptions(config.logLevel), options.logStream) : pino(loggerOptions(config.logLevel));
  const agencies = options.agencies ?? AGENCIES;
  const agencyConfigs: Record<string, Record<string, unknown>> = {};
  for (const [id, block] of Object.entries(config.agencies)) agencyConfigs[id] = { ...block };

  const mocks = new Map<string, RunningMock>();
  let population: Population | undefined;
  try {
    if (config.sandbox.enabled) {
      const pop = options.population ?? sandboxPopulation(config.sandbox);
      population = pop;
      for (const mock of options.mocks ?? MOCKS) {
        if (!agencies.some((a) => a.id === mock.agency)) continue;
        const block = { ...mock.sandboxConfig(sandboxSecret), ...agencyConfigs[mock.agency] };
        const running = await mock.start({
          population: pop,
          agencyConfig: block,
          host: config.sandbox.host,
          port: config.sandbox.ports[mock.agency] ?? 0,
        });
        mocks.set(mock.agency, running);
        agencyConfigs[mock.agency] = { ...block, baseUrl: running.url };
      }
    }
    const hub = new ConnectorHub({
      agencies,
      agencyConfigs,
      config,
      keyer: createSubjectKeyer(config.security.subjectKeySecret),
      log,
    });
    const app = await buildApp({ config, hub, logger: log, mocks });
    return {
      app,
      hub,
      log,
      mocks,
      population,
      async close() {
        await app.close();
        await hub.close();
        await Promise.all([...mocks.values()].map((m) => m.close()));
      },
    };
  } catch (err) {
    await Promise.all([...mocks.values()].map((m) => m.close()));
    throw err;
  }
}

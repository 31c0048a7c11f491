/**
 * `npm start`: the gateway with the config named by TONGBAN_CONFIG (default: the sandbox,
 * with the mock agencies embedded), listening on HOST:PORT (default 127.0.0.1:8080).
 */
import { setFlagsFromString } from 'node:v8';
import { ConfigError, loadConfig } from './config/load.js';

async function main(): Promise<void> {
  const loaded = loadConfig();
  // Under load a verification's objects outlive a young-generation collection or two and are
  // promoted; V8 would let the old generation grow to several times what survives a full
  // collection before it collects again (RSS 500 MiB under the bench, 140 MiB of it alive).
  // A fixed factor keeps it near what is alive, for a few more full collections (read at
  // every collection, so it applies when set here). A process setting: tests do not change it.
  if (loaded.config.server.heapGrowingPercent > 0) setFlagsFromString(`--heap-growing-percent=${loaded.config.server.heapGrowingPercent}`);
  // V8 notes which allocation sites' objects survive young-generation collections, to
  // allocate them in the old generation from the start. Under load that kept far more of
  // each young generation alive than the requests in flight hold: at 50 light
  // verifications a second 1.5 MB survived every collection and 1.3 MB was promoted (0.4 and
  // 0.24 MB without it; node --trace-gc-nvp), so collections took longer and full ones came
  // sooner. Set before the gateway's modules load (only the config's are loaded by then).
  if (!loaded.config.server.allocationSitePretenuring) setFlagsFromString('--no-allocation-site-pretenuring');
  const { createGateway } = await import('./gateway.js');
  const gateway = await createGateway({ loaded });
  const { config } = loaded;
  let url: string;
  try {
    url = await gateway.app.listen({ host: config.server.host, port: config.server.port });
  } catch (err) {
    await gateway.close();
    if ((err as { code?: string }).code === 'EADDRINUSE') {
      throw new ConfigError(`${config.server.host}:${config.server.port} is already in use; choose another with PORT (and HOST)`);
    }
    throw err;
  }
  gateway.log.info({ url, config: loaded.file }, `Tongban gateway listening on ${url}`);
  if (config.sandbox.enabled) {
    const mocks = Object.fromEntries([...gateway.mocks].map(([id, m]) => [id, m.url]));
    gateway.log.info({ mocks }, 'sandbox: mock agencies running in this process; `npm run --silent scenarios` lists test people');
  }
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    gateway.log.info({ signal }, 'shutting down');
    gateway.close().then(() => process.exit(0), (err: unknown) => {
      gateway.log.error({ err }, 'shutdown failed');
      process.exit(1);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`tongban: ${err.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`tongban: failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});

/**
 * `npm start`: the gateway with the config named by TONGBAN_CONFIG (default: the sandbox,
 * with the mock agencies embedded), listening on HOST:PORT (default 127.0.0.1:8080).
 */
import { ConfigError, loadConfig } from './config/load.js';
import { addressInUseMessage, isAddressInUse } from './address-in-use.js';
import { applyProcessSettings } from './process-settings.js';

async function main(): Promise<void> {
  const loaded = loadConfig();
  // The heap's settings first, then the gateway's modules (only the config's are loaded by then).
  applyProcessSettings(loaded.config.server);
  const { createGateway } = await import('./gateway.js');
  const { config } = loaded;
  let gateway;
  try {
    gateway = await createGateway({ loaded });
  } catch (err) {
    // The sandbox's mock agencies listen first, on sandbox.ports when the config fixes them.
    if (isAddressInUse(err)) {
      throw new ConfigError(`a sandbox mock agency's address ${addressInUseMessage(err.address ?? config.sandbox.host, err.port ?? 0, 'choose others with sandbox.ports')}`);
    }
    throw err;
  }
  let url: string;
  try {
    url = await gateway.app.listen({ host: config.server.host, port: config.server.port });
  } catch (err) {
    await gateway.close();
    if (isAddressInUse(err)) {
      throw new ConfigError(addressInUseMessage(config.server.host, config.server.port, 'choose another with PORT (and HOST)'));
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

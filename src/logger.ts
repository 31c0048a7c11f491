/**
 * pino options shared by the gateway and its tools.
 *
 * Nothing personal is ever passed to a logger: log calls take ids, codes, statuses and
 * counts, never a request body, an input or an answer (request-log.ts, log-safe.ts). That
 * is enforced by tests that capture whole runs (test/gateway/log-redaction.test.ts), not
 * by pino's redaction: path redaction cost 7 µs on every line, as much as writing the
 * line, and it only ever caught fields at the paths it was told about.
 */
import type { LoggerOptions } from 'pino';
import { isoTime } from './iso-time.js';

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    base: { service: 'tongban' },
    timestamp: () => `,"time":"${isoTime()}"`,
  };
}

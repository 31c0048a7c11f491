/**
 * pino options shared by the gateway and its tools. Nothing personal is ever passed to a
 * logger on purpose; the redaction below is the second line of defence for fields that
 * could carry it by mistake.
 */
import type { LoggerOptions } from 'pino';

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  '*.idNumber', '*.name', '*.certificateNumber', '*.sfzh', '*.xm',
  'body', '*.body',
];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { service: 'tongban' },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
  };
}

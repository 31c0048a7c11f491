/**
 * The PSB protocol client: signs each request, POSTs it through the agency's pool, reads
 * the `{code, msg, data}` envelope and classifies it once (codes.ts). It returns ok /
 * not_found as an UpstreamAnswer and throws UpstreamError for everything else. Error
 * messages name the service and the code, never the request or the agency's `msg`
 * (either may carry an ID number or a name).
 */
import { readText } from '../../src/connectors/kit/read-body.js';
import { UpstreamError, type AgencyContext, type CallSignal, type CommonAgencyConfig, type UpstreamAnswer } from '../../src/connectors/types.js';
import { describeErrors, validatorFor } from '../../src/validation.js';
import { classifyPsbCode } from './codes.js';
import type { PsbConfig } from './config.js';
import { psbSigningHeaders, psbSigningKey } from './signing.js';
import { PSB_SERVICES, PsbEnvelope, psbServicePath, type PsbData, type PsbParams, type PsbService } from './types.js';

/** Answers larger than this are refused as invalid_response (1 MiB; real ones are a few KiB). */
export const PSB_MAX_RESPONSE_BYTES = 1024 * 1024;

export interface PsbClient {
  /** One signed query; resolves ok / not_found, throws UpstreamError otherwise. */
  query<S extends PsbService>(service: S, params: PsbParams<S>, signal: CallSignal): Promise<UpstreamAnswer<PsbData<S>>>;
}

export type PsbClientContext = AgencyContext<PsbConfig & CommonAgencyConfig>;

export function createPsbClient(ctx: PsbClientContext): PsbClient {
  const { appKey } = ctx.config;
  const credentials = { appKey, appSecret: psbSigningKey(ctx.config.appSecret) };
  // A path prefix in baseUrl (PSB behind a gateway) is part of the signed path.
  const { basePath } = ctx;
  const validEnvelope = validatorFor(PsbEnvelope);
  // Per service, once: its path (signed as sent) and the validator of its answer's data.
  const services = new Map((Object.keys(PSB_SERVICES) as PsbService[]).map((s) => [s, {
    path: basePath + psbServicePath(s),
    validData: validatorFor(PSB_SERVICES[s].data),
  }]));
  const debug = () => ctx.log.isLevelEnabled('debug');

  return {
    async query(service, params, signal) {
      const { path, validData } = services.get(service)!;
      const body = JSON.stringify(params);
      const headers = { 'content-type': 'application/json', ...psbSigningHeaders(credentials, { path, body }) };
      const fail = (outcome: 'retryable' | 'fatal', status: UpstreamError['status'], what: string, cause?: unknown) =>
        new UpstreamError(outcome, status, `PSB ${service}: ${what}`, { cause });

      let text: string | undefined;
      let statusCode: number;
      try {
        const res = await ctx.dispatcher.request({ path, method: 'POST', headers, body, signal });
        statusCode = res.statusCode;
        if (statusCode !== 200) {
          await res.body.dump();
        } else {
          text = await readText(res, PSB_MAX_RESPONSE_BYTES);
        }
      } catch (err) {
        if (signal.aborted) throw err; // the caller's own timeout or cancellation: let it see its abort
        throw transportError(err, fail);
      }

      if (statusCode >= 500) throw fail('retryable', 'upstream_error', `HTTP ${statusCode}`);
      if (statusCode === 400) throw fail('fatal', 'invalid_request', 'HTTP 400 (request refused as malformed)');
      if (statusCode !== 200) throw fail('fatal', 'upstream_error', `HTTP ${statusCode}`);
      if (text === undefined) throw fail('fatal', 'invalid_response', `answer larger than ${PSB_MAX_RESPONSE_BYTES} bytes`);

      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw fail('fatal', 'invalid_response', 'answer is not JSON');
      }
      if (!validEnvelope(json)) {
        throw fail('fatal', 'invalid_response', `malformed envelope: ${describeErrors(validEnvelope.errors).join('; ')}`);
      }

      const code = classifyPsbCode(json.code);
      // `psbService`, not `service`: the process's own `service` is already on every line.
      if (debug()) ctx.log.debug({ psbService: service, code: json.code, outcome: code.outcome }, 'psb answer');
      if (code.outcome === 'not_found') return { outcome: 'not_found' };
      if (code.outcome !== 'ok') {
        throw fail(code.outcome, code.status ?? 'upstream_error', `code ${json.code} (${code.meaning})`);
      }

      if (!validData(json.data)) {
        throw fail('fatal', 'invalid_response', `malformed data: ${describeErrors(validData.errors, '/data').join('; ')}`);
      }
      return { outcome: 'ok', data: json.data as PsbData<typeof service> };
    },
  };
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);

/** Connection refused, reset, socket closed mid-answer: a retry may help. Only the error code is kept in the message. */
function transportError(
  err: unknown,
  fail: (outcome: 'retryable', status: 'timeout' | 'upstream_error', what: string, cause?: unknown) => UpstreamError,
): UpstreamError {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : 'unknown';
  return TIMEOUT_CODES.has(code)
    ? fail('retryable', 'timeout', `timed out (${code})`, err)
    : fail('retryable', 'upstream_error', `request failed (${code})`, err);
}

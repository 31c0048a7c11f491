/**
 * The NHC protocol client (style G): signs each request with HMAC-SM3, POSTs it through the
 * kit's one upstream exchange, reads the `{code, msg, data}` envelope and classifies its
 * numeric code once (codes.ts). It returns ok / not_found as an UpstreamAnswer and throws
 * UpstreamError for everything else. Messages name the service and the code, never the
 * request or the platform's `msg` (either may carry an ID number or a name).
 */
import { send, throwForStatus, upstreamFailure } from '../../src/connectors/kit/http.js';
import type { AgencyContext, CallSignal, CommonAgencyConfig, UpstreamAnswer } from '../../src/connectors/types.js';
import { describeErrors, validatorFor } from '../../src/validation.js';
import { NHC_CODES } from './codes.js';
import type { NhcConfig } from './config.js';
import { nhcSigningHeaders, nhcSigningKey } from './signing.js';
import { NHC_MAX_RESPONSE_BYTES, NHC_SERVICES, NhcEnvelope, nhcServicePath, type NhcData, type NhcParams, type NhcService } from './types.js';

export interface NhcClient {
  /** One signed query; resolves ok / not_found, throws UpstreamError otherwise. */
  query<S extends NhcService>(service: S, params: NhcParams<S>, signal: CallSignal): Promise<UpstreamAnswer<NhcData<S>>>;
}

export type NhcClientContext = AgencyContext<NhcConfig & CommonAgencyConfig>;

export function createNhcClient(ctx: NhcClientContext): NhcClient {
  const credentials = { appId: ctx.config.appId, appSecret: nhcSigningKey(ctx.config.appSecret) };
  const validEnvelope = validatorFor(NhcEnvelope);
  // Per service, once: its path (a basePath prefix is part of what is signed), label and data validator.
  const services = new Map((Object.keys(NHC_SERVICES) as NhcService[]).map((s) => [s, {
    path: ctx.basePath + nhcServicePath(s),
    label: `NHC ${s}`,
    validData: validatorFor(NHC_SERVICES[s].data),
  }]));

  return {
    async query(service, params, signal) {
      const { path, label, validData } = services.get(service)!;
      const body = JSON.stringify(params);
      const headers = { 'content-type': 'application/json', ...nhcSigningHeaders(credentials, { path, body }) };
      const res = await send({ label, dispatcher: ctx.dispatcher, path, method: 'POST', headers, body, signal, maxBytes: NHC_MAX_RESPONSE_BYTES });
      throwForStatus(label, res);

      let json: unknown;
      try {
        json = JSON.parse(res.text);
      } catch {
        throw upstreamFailure(label, 'fatal', 'invalid_response', 'answer is not JSON');
      }
      if (!validEnvelope(json)) {
        throw upstreamFailure(label, 'fatal', 'invalid_response', `malformed envelope: ${describeErrors(validEnvelope.errors).join('; ')}`);
      }
      const code = NHC_CODES.classify(String(json.code));
      // `nhcService`, not `service`: the process's own `service` is already on every line.
      if (ctx.log.isLevelEnabled('debug')) ctx.log.debug({ nhcService: service, code: json.code, outcome: code.outcome }, 'nhc answer');
      if (code.outcome === 'not_found') return { outcome: 'not_found' };
      if (code.outcome !== 'ok') throw upstreamFailure(label, code.outcome, code.status ?? 'upstream_error', `code ${json.code} (${code.meaning})`);
      if (!validData(json.data)) {
        throw upstreamFailure(label, 'fatal', 'invalid_response', `malformed data: ${describeErrors(validData.errors, '/data').join('; ')}`);
      }
      return { outcome: 'ok', data: json.data as NhcData<typeof service> };
    },
  };
}

/**
 * The PSB protocol client (style A): signs each request, POSTs it through the kit's one
 * upstream exchange, reads the `{code, msg, data}` envelope and classifies it once
 * (codes.ts). It returns ok / not_found as an UpstreamAnswer and throws UpstreamError for
 * everything else. Messages name the service and the code, never the request or the
 * agency's `msg` (either may carry an ID number or a name).
 */
import { send, throwForStatus, upstreamFailure } from '../../src/connectors/kit/http.js';
import type { AgencyContext, CallSignal, CommonAgencyConfig, UpstreamAnswer } from '../../src/connectors/types.js';
import { describeErrors, validatorFor } from '../../src/validation.js';
import { PSB_CODES } from './codes.js';
import type { PsbConfig } from './config.js';
import { psbSigningHeaders, psbSigningKey } from './signing.js';
import { PSB_MAX_RESPONSE_BYTES, PSB_SERVICES, PsbEnvelope, psbServicePath, type PsbData, type PsbParams, type PsbService } from './types.js';

export interface PsbClient {
  /** One signed query; resolves ok / not_found, throws UpstreamError otherwise. */
  query<S extends PsbService>(service: S, params: PsbParams<S>, signal: CallSignal): Promise<UpstreamAnswer<PsbData<S>>>;
}

export type PsbClientContext = AgencyContext<PsbConfig & CommonAgencyConfig>;

export function createPsbClient(ctx: PsbClientContext): PsbClient {
  const credentials = { appKey: ctx.config.appKey, appSecret: psbSigningKey(ctx.config.appSecret) };
  const validEnvelope = validatorFor(PsbEnvelope);
  // Per service, once: its path (a basePath prefix is part of what is signed), label and data validator.
  const services = new Map((Object.keys(PSB_SERVICES) as PsbService[]).map((s) => [s, {
    path: ctx.basePath + psbServicePath(s),
    label: `PSB ${s}`,
    validData: validatorFor(PSB_SERVICES[s].data),
  }]));

  return {
    async query(service, params, signal) {
      const { path, label, validData } = services.get(service)!;
      const body = JSON.stringify(params);
      const headers = { 'content-type': 'application/json', ...psbSigningHeaders(credentials, { path, body }) };
      const res = await send({ label, dispatcher: ctx.dispatcher, path, method: 'POST', headers, body, signal, maxBytes: PSB_MAX_RESPONSE_BYTES });
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
      const code = PSB_CODES.classify(json.code);
      // `psbService`, not `service`: the process's own `service` is already on every line.
      if (ctx.log.isLevelEnabled('debug')) ctx.log.debug({ psbService: service, code: json.code, outcome: code.outcome }, 'psb answer');
      if (code.outcome === 'not_found') return { outcome: 'not_found' };
      if (code.outcome !== 'ok') throw upstreamFailure(label, code.outcome, code.status ?? 'upstream_error', `code ${json.code} (${code.meaning})`);
      if (!validData(json.data)) {
        throw upstreamFailure(label, 'fatal', 'invalid_response', `malformed data: ${describeErrors(validData.errors, '/data').join('; ')}`);
      }
      return { outcome: 'ok', data: json.data as PsbData<typeof service> };
    },
  };
}

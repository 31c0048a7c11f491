/**
 * The PSB protocol client (style A): a request signed with HMAC-SHA256 (signing.ts), sent
 * through the kit's signed JSON envelope exchange (src/connectors/kit/envelope.ts), which
 * reads the `{code, msg, data}` envelope and classifies its code by PSB's table (codes.ts).
 */
import { envelopeQuery } from '../../src/connectors/kit/envelope.js';
import type { AgencyContext, CallSignal, CommonAgencyConfig, UpstreamAnswer } from '../../src/connectors/types.js';
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
  const query = envelopeQuery<PsbService>(ctx, {
    agency: 'PSB',
    services: PSB_SERVICES,
    servicePath: psbServicePath,
    envelope: PsbEnvelope,
    codes: PSB_CODES,
    maxBytes: PSB_MAX_RESPONSE_BYTES,
    sign: (request) => psbSigningHeaders(credentials, request),
  });
  // The kit validated `data` against the service's schema.
  return { query: query as PsbClient['query'] };
}

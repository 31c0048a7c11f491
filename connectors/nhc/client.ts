/**
 * The NHC protocol client (style G): a request signed with HMAC-SM3 (signing.ts), sent
 * through the kit's signed JSON envelope exchange (src/connectors/kit/envelope.ts), which
 * reads the `{code, msg, data}` envelope and classifies its numeric code by NHC's table
 * (codes.ts).
 */
import { envelopeQuery } from '../../src/connectors/kit/envelope.js';
import type { AgencyContext, CallSignal, CommonAgencyConfig, UpstreamAnswer } from '../../src/connectors/types.js';
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
  const query = envelopeQuery<NhcService>(ctx, {
    agency: 'NHC',
    services: NHC_SERVICES,
    servicePath: nhcServicePath,
    envelope: NhcEnvelope,
    codes: NHC_CODES,
    maxBytes: NHC_MAX_RESPONSE_BYTES,
    sign: (request) => nhcSigningHeaders(credentials, request),
  });
  // The kit validated `data` against the service's schema.
  return { query: query as NhcClient['query'] };
}

/**
 * The signed JSON envelope exchange, for agencies whose interfaces all look alike: a JSON
 * body POSTed to the service's path with signing headers, an answer `{code, msg, data}`
 * whose code the agency's table classifies, and `data` validated per service. PSB (style A,
 * HMAC-SHA256) and NHC (style G, HMAC-SM3) speak it; what differs (the signature, the code
 * table, the envelope's code type, the services) is the agency's and passed in.
 *
 * Returns ok / not_found as an UpstreamAnswer and throws UpstreamError for everything else.
 * Messages name the service and the code, never the request or the agency's `msg` (either
 * may carry an ID number or a name).
 */
import type { TSchema } from '@sinclair/typebox';
import { describeErrors, validatorFor } from '../../validation.js';
import type { AgencyContext, CallSignal, UpstreamAnswer } from '../types.js';
import type { CodeTable } from './codes.js';
import { readJson, send, throwForStatus, upstreamFailure } from './http.js';

export interface EnvelopeProtocol<Service extends string> {
  /** The agency's short name in labels and its debug line, e.g. `PSB`. */
  agency: string;
  /** Every service, with the schema of its answer's `data`. */
  services: Readonly<Record<Service, { data: TSchema }>>;
  servicePath(service: Service): string;
  /** `{code, msg, data?}`, with the agency's type of code (text or number). */
  envelope: TSchema;
  codes: CodeTable<string>;
  maxBytes: number;
  /** The headers that sign this body sent to this path (the basePath included). */
  sign(request: { path: string; body: string }): Record<string, string>;
}

export type EnvelopeQuery<Service extends string> = (service: Service, params: unknown, signal: CallSignal) => Promise<UpstreamAnswer<unknown>>;

export function envelopeQuery<Service extends string>(ctx: AgencyContext<unknown>, protocol: EnvelopeProtocol<Service>): EnvelopeQuery<Service> {
  const validEnvelope = validatorFor(protocol.envelope);
  // Per service, once: its path (a basePath prefix is part of what is signed), label and data validator.
  const services = new Map((Object.keys(protocol.services) as Service[]).map((s) => [s, {
    path: ctx.basePath + protocol.servicePath(s),
    label: `${protocol.agency} ${s}`,
    validData: validatorFor(protocol.services[s].data),
  }]));
  // `psbService`, not `service`: the process's own `service` is already on every line.
  const serviceKey = `${protocol.agency.toLowerCase()}Service`;
  const debugLine = `${protocol.agency.toLowerCase()} answer`;

  return async (service, params, signal) => {
    const { path, label, validData } = services.get(service)!;
    const body = JSON.stringify(params);
    const headers = { 'content-type': 'application/json', ...protocol.sign({ path, body }) };
    const res = await send({ label, dispatcher: ctx.dispatcher, path, method: 'POST', headers, body, signal, maxBytes: protocol.maxBytes });
    throwForStatus(label, res);

    const { code: raw, data } = readJson(label, res.text, validEnvelope, 'envelope') as { code: string | number; data?: unknown };
    const code = protocol.codes.classify(String(raw));
    if (ctx.log.isLevelEnabled('debug')) ctx.log.debug({ [serviceKey]: service, code: raw, outcome: code.outcome }, debugLine);
    if (code.outcome === 'not_found') return { outcome: 'not_found' };
    if (code.outcome !== 'ok') throw upstreamFailure(label, code.outcome, code.status ?? 'upstream_error', `code ${raw} (${code.meaning})`);
    if (!validData(data)) {
      throw upstreamFailure(label, 'fatal', 'invalid_response', `malformed data: ${describeErrors(validData.errors, '/data').join('; ')}`);
    }
    return { outcome: 'ok', data };
  };
}

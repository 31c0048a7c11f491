/**
 * The AMR protocol client (style E): GETs with the access key in the query string through
 * the kit's one upstream exchange (which decodes the GB18030 body), reads the
 * `{状态码, 信息, 数据}` envelope and classifies it once (codes.ts). It returns ok / not_found
 * as an UpstreamAnswer and throws UpstreamError for everything else.
 *
 * The request path carries the access key and an ID number or credit code: it is never
 * logged and never part of a message. Messages name the interface and the code, never a
 * request value or the register's `信息` (either may carry personal data).
 */
import { readJson, send, throwForStatus, upstreamFailure } from '../../src/connectors/kit/http.js';
import type { AgencyContext, CallSignal, CommonAgencyConfig, UpstreamAnswer } from '../../src/connectors/types.js';
import { describeErrors, validatorFor } from '../../src/validation.js';
import { AMR_CODES } from './codes.js';
import type { AmrConfig } from './config.js';
import {
  AMR_CHARSET,
  AMR_INTERFACES,
  AMR_KEY_PARAM,
  AMR_MAX_RESPONSE_BYTES,
  AmrEnvelope,
  type AmrData,
  type AmrEntity,
  type AmrInterface,
} from './types.js';

export interface AmrClient {
  /** One query by the interface's one parameter (credit code or ID number); ok / not_found, throws UpstreamError otherwise. */
  query<I extends AmrInterface>(iface: I, value: string, signal: CallSignal): Promise<UpstreamAnswer<AmrData<I>>>;
}

export type AmrClientContext = AgencyContext<AmrConfig & CommonAgencyConfig>;

export function createAmrClient(ctx: AmrClientContext): AmrClient {
  const validEnvelope = validatorFor(AmrEnvelope);
  // Per interface, once: its path (with the basePath), label and data validator.
  const interfaces = new Map((Object.keys(AMR_INTERFACES) as AmrInterface[]).map((i) => [i, {
    path: ctx.basePath + AMR_INTERFACES[i].path,
    param: AMR_INTERFACES[i].param,
    label: `AMR ${i}`,
    validData: validatorFor(AMR_INTERFACES[i].data),
  }]));

  return {
    async query(iface, value, signal) {
      const { path, param, label, validData } = interfaces.get(iface)!;
      const query = new URLSearchParams({ [AMR_KEY_PARAM]: ctx.config.accessKey, [param]: value });
      const res = await send({
        label, dispatcher: ctx.dispatcher, path: `${path}?${query}`, method: 'GET', signal,
        headers: { accept: 'application/json' }, maxBytes: AMR_MAX_RESPONSE_BYTES, defaultCharset: AMR_CHARSET,
      });
      throwForStatus(label, res);

      const json = readJson(label, res.text, validEnvelope, 'envelope');
      const code = AMR_CODES.classify(json.状态码);
      // `amrInterface`, not `interface`: a plain word other log lines may use differently.
      if (ctx.log.isLevelEnabled('debug')) ctx.log.debug({ amrInterface: iface, code: json.状态码, outcome: code.outcome }, 'amr answer');
      if (code.outcome === 'not_found') return { outcome: 'not_found' };
      if (code.outcome !== 'ok') throw upstreamFailure(label, code.outcome, code.status ?? 'upstream_error', `code ${json.状态码} (${code.meaning})`);
      if (!validData(json.数据)) {
        // Union branches repeat themselves; three lines say enough.
        throw upstreamFailure(label, 'fatal', 'invalid_response', `malformed data: ${describeErrors(validData.errors, '/数据').slice(0, 3).join('; ')}`);
      }
      return { outcome: 'ok', data: json.数据 as AmrData<typeof iface> };
    },
  };
}

/**
 * An `entity` answer must be about the code asked for: another entity's record (a proxy's
 * cache, a mixed-up answer) is a broken answer, never a plausible wrong fact.
 */
export function sameEntity(answer: UpstreamAnswer<AmrEntity>, creditCode: string): UpstreamAnswer<AmrEntity> {
  if (answer.outcome === 'ok' && answer.data.统一社会信用代码 !== creditCode) {
    throw upstreamFailure('AMR entity', 'fatal', 'invalid_response', 'answer is about another market entity');
  }
  return answer;
}

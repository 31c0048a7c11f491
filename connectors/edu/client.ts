/**
 * The EDU protocol client (style H): plain JSON REST with a static bearer token. Every GET
 * goes through the kit's one upstream exchange; the bureau's special 404 ("no record") is
 * read first (codes.ts), every other status goes to the kit's table. Answers are validated
 * at the border (types.ts) before a mapper sees them. Messages name the operation and a
 * code, never the ID number, the address or the bureau's `message` text.
 */
import { readJson, send, throwForStatus, upstreamFailure, type UpstreamResponse } from '../../src/connectors/kit/http.js';
import type { AgencyContext, CallSignal, CommonAgencyConfig, UpstreamAnswer } from '../../src/connectors/types.js';
import { parseAddress } from '../../src/domain/address.js';
import { validatorFor } from '../../src/validation.js';
import type { TSchema, Static } from '@sinclair/typebox';
import { EDU_404_CODES } from './codes.js';
import type { EduConfig } from './config.js';
import {
  EDU_AUTH_HEADER, EDU_AUTH_SCHEME, EDU_MAX_RESPONSE_BYTES, EDU_PATHS, EduError, EduStudent, EduZones,
  eduStudentPath, eduZonesPath, type EduZoneQuery,
} from './types.js';

export interface EduClient {
  /** 学籍 by ID number: ok, or not_found for the bureau's no-record 404; throws UpstreamError otherwise. */
  student(idNumber: string, signal: CallSignal): Promise<UpstreamAnswer<EduStudent>>;
  /** The zoning of one door: always ok when it answers (a door in no zone has no schools). */
  zones(query: EduZoneQuery, signal: CallSignal): Promise<UpstreamAnswer<EduZones>>;
}

/** The bureau's resources, as labels name them (`EDU students`) and as the mock's fault switch names its interfaces. */
type EduResource = keyof typeof EDU_PATHS;

export type EduClientContext = AgencyContext<EduConfig & CommonAgencyConfig>;

export function createEduClient(ctx: EduClientContext): EduClient {
  const headers = { [EDU_AUTH_HEADER]: `${EDU_AUTH_SCHEME} ${ctx.config.token}`, accept: 'application/json' };
  const validError = validatorFor(EduError);

  /**
   * One GET; the answer's JSON, validated against `schema`. `recordLookup`: the resource is
   * one record, whose absence the bureau answers with its no-record 404 (codes.ts).
   */
  async function get<S extends TSchema>(resource: EduResource, path: string, schema: S, signal: CallSignal, recordLookup = false): Promise<UpstreamAnswer<Static<S>>> {
    const label = `EDU ${resource}`;
    const res = await send({ label, dispatcher: ctx.dispatcher, path: ctx.basePath + path, method: 'GET', headers, signal, maxBytes: EDU_MAX_RESPONSE_BYTES });
    const code = res.status === 404 && recordLookup ? errorCode(res) : undefined;
    // `eduResource`, not `resource` or `service`: keys the process or the runtime may already put on a line.
    if (ctx.log.isLevelEnabled('debug')) ctx.log.debug({ eduResource: resource, httpStatus: res.status, ...(code ? { code } : {}) }, 'edu answer');
    if (res.status === 404 && recordLookup) {
      const entry = EDU_404_CODES.classify(code ?? '');
      if (entry.outcome === 'not_found') return { outcome: 'not_found' };
      throw upstreamFailure(label, entry.outcome === 'retryable' ? 'retryable' : 'fatal', entry.status ?? 'upstream_error', `HTTP 404 ${code ?? '(no EDU error body)'} ${entry.meaning}`);
    }
    throwForStatus(label, res);

    return { outcome: 'ok', data: readJson(label, res.text, validatorFor(schema)) };
  }

  /** The `code` of an EDU error body, when the body is one and the code a plain identifier (it is shown in messages). */
  function errorCode(res: UpstreamResponse): string | undefined {
    let body: unknown;
    try {
      body = JSON.parse(res.text);
    } catch {
      return undefined;
    }
    return validError(body) && /^[A-Z][A-Z0-9_]{0,40}$/.test(body.code) ? body.code : undefined;
  }

  return {
    student: (idNumber, signal) => get('students', eduStudentPath(idNumber), EduStudent, signal, true),

    async zones(query, signal) {
      const answer = await get('zones', eduZonesPath(query), EduZones, signal);
      // The bureau names the door it zoned: an answer about another door would be a wrong fact.
      if (answer.outcome === 'ok' && !sameDoor(answer.data.address, query)) {
        throw upstreamFailure('EDU zones', 'fatal', 'invalid_response', 'answer is about another address');
      }
      return answer;
    },
  };
}

/**
 * Whether the bureau's rendering of the door names the road and number asked (and the
 * district, when it names one). Both sides are read by parseAddress, so that its folding
 * (white space, full-width characters) applies to both alike.
 */
function sameDoor(address: string, query: EduZoneQuery): boolean {
  const door = parseAddress(address);
  const asked = parseAddress(`${query.street}${query.number}号`);
  return door !== null && asked !== null
    && door.street === asked.street
    && door.number === asked.number
    && (door.district === null || door.district === query.district);
}

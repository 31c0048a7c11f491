/**
 * The HRSS protocol client (style D): REST `GET`s with the API key in `X-Api-Key`, through
 * the kit's one upstream exchange; the answer classified once (codes.ts) and validated at
 * the border (types.ts); months followed page by page along `nextCursor`.
 * Interface: 青岛市人社局数据共享接口 v2 (`/api/v2/insurance/{idNumber}/…`, `/api/v2/employment/{idNumber}`).
 * Messages name the operation, HTTP status and errcode, never the ID number or `errmsg`
 * (either may carry personal data).
 */
import type { TSchema, Static } from '@sinclair/typebox';
import { readJson, send, throwForStatus, upstreamFailure, type UpstreamResponse } from '../../src/connectors/kit/http.js';
import { UpstreamError, type AgencyContext, type CallSignal, type CommonAgencyConfig, type UpstreamAnswer } from '../../src/connectors/types.js';
import { validatorFor } from '../../src/validation.js';
import { HRSS_CODES } from './codes.js';
import type { HrssConfig } from './config.js';
import {
  HRSS_API_KEY_HEADER,
  HRSS_MAX_PAGE_SIZE,
  HRSS_MAX_PAGES,
  HRSS_MAX_RESPONSE_BYTES,
  HrssByIdNumberInput,
  HrssEmployment,
  HrssError,
  HrssInsuranceStatus,
  HrssMonthsPage,
  hrssMonthsQuery,
  hrssPath,
  type HrssInterface,
  type HrssMonthRecord,
} from './types.js';

export interface HrssClient {
  /** Records asked for per months page (config `pageSize`). */
  readonly pageSize: number;
  /** 参保状态: the current insurance relation. */
  insuranceStatus(idNumber: string, signal: CallSignal): Promise<UpstreamAnswer<HrssInsuranceStatus>>;
  /** One page of monthly records (`cursor` undefined: the first). */
  monthsPage(idNumber: string, cursor: string | undefined, signal: CallSignal): Promise<UpstreamAnswer<HrssMonthsPage>>;
  /** Every monthly record, all pages followed; not_found when the first page is. */
  allMonths(idNumber: string, signal: CallSignal): Promise<UpstreamAnswer<HrssMonthRecord[]>>;
  /** 就业登记: every registration of the person. */
  employment(idNumber: string, signal: CallSignal): Promise<UpstreamAnswer<HrssEmployment>>;
}

export type HrssClientContext = AgencyContext<HrssConfig & CommonAgencyConfig>;

const validIdInput = validatorFor(HrssByIdNumberInput);
const validError = validatorFor(HrssError);

/** The errcode of a failure body, when it is the registry's `{ errcode, errmsg }` (errmsg is never kept). */
function errcodeOf(text: string): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  return validError(json) ? String(json.errcode) : undefined;
}

export function createHrssClient(ctx: HrssClientContext): HrssClient {
  const { dispatcher, basePath, log } = ctx;
  const pageSize = ctx.config.pageSize ?? HRSS_MAX_PAGE_SIZE;
  const headers = { [HRSS_API_KEY_HEADER]: ctx.config.apiKey, accept: 'application/json' };

  /**
   * One GET, classified: 2xx is the resource (JSON, validated against `schema` and about
   * the person asked for); 404 with errcode 40400 is not_found; anything else the kit's table.
   */
  async function get<S extends TSchema>(name: HrssInterface, idNumber: string, query: string, schema: S, signal: CallSignal): Promise<UpstreamAnswer<Static<S>>> {
    const label = `HRSS ${name}`;
    // The ID number becomes a path segment: what the registry would not accept is never sent.
    if (!validIdInput({ idNumber })) throw upstreamFailure(label, 'fatal', 'invalid_request', 'ID number not in the form the registry accepts');
    const res = await send({
      label, dispatcher, path: basePath + hrssPath(name, idNumber) + query, method: 'GET', headers, signal, maxBytes: HRSS_MAX_RESPONSE_BYTES,
    });
    const errcode = res.status >= 200 && res.status < 300 ? undefined : errcodeOf(res.text);
    if (log.isLevelEnabled('debug')) log.debug({ hrssInterface: name, httpStatus: res.status, errcode }, 'hrss answer');
    if (res.status === 404 && errcode !== undefined && HRSS_CODES.classify(errcode).outcome === 'not_found') return { outcome: 'not_found' };
    failForStatus(label, res, errcode);

    const json = readJson(label, res.text, validatorFor(schema), 'answer', 3);
    // An answer about someone else (a proxy's cache, a routing fault) must never become this person's fact.
    if ((json as { idNumber?: unknown }).idNumber !== idNumber) throw upstreamFailure(label, 'fatal', 'invalid_response', 'answer is about another person');
    return { outcome: 'ok', data: json as Static<S> };
  }

  async function allMonths(idNumber: string, signal: CallSignal): Promise<UpstreamAnswer<HrssMonthRecord[]>> {
    const label = 'HRSS months';
    const records: HrssMonthRecord[] = [];
    const seen = new Set<string>();
    let cursor: string | undefined;
    for (let page = 1; ; page++) {
      if (page > HRSS_MAX_PAGES) throw upstreamFailure(label, 'fatal', 'invalid_response', `more than ${HRSS_MAX_PAGES} pages`);
      const answer = await monthsPage(idNumber, cursor, signal);
      if (answer.outcome === 'not_found') {
        if (page === 1) return answer;
        throw upstreamFailure(label, 'retryable', 'upstream_error', `page ${page} has no record after page 1 had some (records changed while paging)`);
      }
      const { records: got, nextCursor } = answer.data;
      if (got.length > pageSize) throw upstreamFailure(label, 'fatal', 'invalid_response', `page ${page} holds more than the ${pageSize} records asked for`);
      records.push(...got);
      if (nextCursor === null) return { outcome: 'ok', data: records };
      // A cursor that comes back is a loop: no number of pages would end it.
      if (seen.has(nextCursor)) throw upstreamFailure(label, 'fatal', 'invalid_response', `page ${page} points back to an earlier page`);
      seen.add(nextCursor);
      cursor = nextCursor;
    }
  }

  function monthsPage(idNumber: string, cursor: string | undefined, signal: CallSignal) {
    return get('months', idNumber, hrssMonthsQuery(pageSize, cursor), HrssMonthsPage, signal);
  }

  return {
    pageSize,
    insuranceStatus: (idNumber, signal) => get('status', idNumber, '', HrssInsuranceStatus, signal),
    monthsPage,
    allMonths,
    employment: (idNumber, signal) => get('employment', idNumber, '', HrssEmployment, signal),
  };
}

/** The kit's HTTP table for a non-2xx answer, its message completed with the errcode's meaning. */
function failForStatus(label: string, res: UpstreamResponse, errcode: string | undefined): void {
  try {
    throwForStatus(label, res);
  } catch (err) {
    if (!(err instanceof UpstreamError) || errcode === undefined) throw err;
    const shown = /^\d{1,6}$/.test(errcode) ? errcode : '(out of range)';
    throw new UpstreamError(err.outcome, err.status, `${err.message}, errcode ${shown} (${HRSS_CODES.classify(errcode).meaning})`, {
      cause: err,
      ...(err.retryAfterMs !== undefined ? { retryAfterMs: err.retryAfterMs } : {}),
    });
  }
}

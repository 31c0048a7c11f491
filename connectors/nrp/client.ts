/**
 * The NRP protocol client (style B): builds the XML envelope, POSTs it to the registry's
 * query endpoint, classifies the answer once (codes.ts) and follows pages.
 * Interface: 青岛市不动产登记信息查询接口 (`POST /bdcdj/api/query`, XML, header token).
 */
import { randomUUID } from 'node:crypto';
import { send, throwForStatus, upstreamFailure } from '../../src/connectors/kit/http.js';
import { UpstreamError, type AgencyContext, type CallSignal, type UpstreamAnswer } from '../../src/connectors/types.js';
import { isoTime } from '../../src/iso-time.js';
import { NRP_CODES, isLegacyErrorPage } from './codes.js';
import { NRP_DEFAULT_PAGE_SIZE, type NrpConfig } from './config.js';
import {
  NRP_MAX_BODY_BYTES,
  NRP_MAX_PAGES,
  NRP_QUERY_PATH,
  NRP_REQUIRED_FIELDS,
  type NrpMethod,
  type NrpPage,
  type NrpPagedMethod,
  type NrpParams,
  type NrpRecordOf,
} from './types.js';
import { XML_DECLARATION, XmlError, element, fields, parseXml, xmlText } from './xml.js';

export interface NrpClient {
  /** Records per QueryByOwner page (config `pageSize`). */
  readonly pageSize: number;
  /** One request, one classified answer: a page of a paged method, or the whole answer otherwise. */
  query<M extends NrpMethod>(method: M, params: NrpParams<M>, signal?: CallSignal): Promise<UpstreamAnswer<NrpPage<NrpRecordOf<M>>>>;
  /** Follows `<PageNo>` from 1 until `<Total>` records have arrived; code 1 on page 1 is not_found. */
  queryAllPages<M extends NrpPagedMethod>(
    method: M,
    params: Omit<NrpParams<M>, 'PageNo' | 'PageSize'>,
    signal?: CallSignal,
  ): Promise<UpstreamAnswer<NrpRecordOf<M>[]>>;
}

/** One record is still a list. (Values stay text: certificate serial '0012345' is not 12345.) */
const isRecordList = (path: string) => path === 'Response.Body.Records.Record';

/** The registry's clock is Beijing time, `YYYY-MM-DD HH:mm:ss`. */
function sendTime(now: number = Date.now()): string {
  const iso = isoTime(now + 8 * 3_600_000);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function createNrpClient(ctx: AgencyContext<NrpConfig>): NrpClient {
  const { dispatcher, log } = ctx;
  const pageSize = ctx.config.pageSize ?? NRP_DEFAULT_PAGE_SIZE;
  const path = ctx.basePath + NRP_QUERY_PATH;
  const invalid = (method: NrpMethod, reason: string) => upstreamFailure(`NRP ${method}`, 'fatal', 'invalid_response', reason);

  function envelope(method: NrpMethod, params: Readonly<Record<string, string | number>>, requestId: string): string {
    return XML_DECLARATION + element('Request',
      element('Header', fields({ Token: ctx.config.token, RequestId: requestId, SendTime: sendTime() }))
      + element('Body', element('Method', xmlText(method)) + fields(params)));
  }

  async function query<M extends NrpMethod>(
    method: M,
    params: NrpParams<M>,
    signal?: CallSignal,
  ): Promise<UpstreamAnswer<NrpPage<NrpRecordOf<M>>>> {
    const requestId = randomUUID();
    let body: string;
    try {
      body = envelope(method, params as Readonly<Record<string, string | number>>, requestId);
    } catch (err) {
      if (err instanceof XmlError) throw upstreamFailure(`NRP ${method}`, 'fatal', 'invalid_request', 'a parameter cannot be sent as XML');
      throw err;
    }
    const label = `NRP ${method}`;
    const res = await send({
      label, dispatcher, path, method: 'POST', signal, maxBytes: NRP_MAX_BODY_BYTES,
      headers: { 'content-type': 'application/xml; charset=UTF-8', accept: 'application/xml' },
      body,
    });
    // The legacy stack's HTML 500 page is the kit's retryable 500; its message says which it was.
    if (res.status === 500 && isLegacyErrorPage(res.headers['content-type'], res.text)) {
      throw upstreamFailure(label, 'retryable', 'upstream_error', 'HTTP 500 with an HTML error page (legacy stack failure)');
    }
    throwForStatus(label, res);
    const { text } = res;

    let doc: unknown;
    try {
      doc = parseXml(text, isRecordList);
    } catch (err) {
      if (err instanceof XmlError) throw invalid(method, 'answer is not well-formed XML');
      throw err;
    }
    const response = isObject(doc) ? doc.Response : undefined;
    const header = isObject(response) ? response.Header : undefined;
    if (!isObject(response) || !isObject(header) || typeof header.Code !== 'string') {
      throw invalid(method, 'answer lacks Response/Header/Code');
    }
    if (typeof header.RequestId === 'string' && header.RequestId !== '' && header.RequestId !== requestId) {
      throw invalid(method, 'answer carries another RequestId');
    }

    const code = header.Code;
    const entry = NRP_CODES.classify(code);
    if (log.isLevelEnabled('debug')) log.debug({ method, httpStatus: res.status, code: /^\d{1,4}$/.test(code) ? code : '?', outcome: entry.outcome }, 'nrp answer');
    if (entry.outcome === 'not_found') return { outcome: 'not_found' };
    if (entry.outcome !== 'ok') {
      // The registry's <Message> may echo parameters: report our own wording of the code.
      const shown = /^\d{1,4}$/.test(code) ? code : '(non-numeric)';
      throw new UpstreamError(entry.outcome, entry.status ?? 'upstream_error', `NRP ${method}: code ${shown} ${entry.meaning}`);
    }

    return { outcome: 'ok', data: readPage(method, response.Body) };
  }

  /** Checks the `<Body>` of a code-0 answer at the border: counts are numbers, records flat. */
  function readPage<M extends NrpMethod>(method: M, body: unknown): NrpPage<NrpRecordOf<M>> {
    if (!isObject(body)) throw invalid(method, 'answer lacks Body');
    const total = typeof body.Total === 'string' && /^\d+$/.test(body.Total) ? Number(body.Total) : NaN;
    if (!Number.isSafeInteger(total)) throw invalid(method, 'Body/Total is not a count');
    let pageNo: number | undefined;
    if (body.PageNo !== undefined) {
      if (typeof body.PageNo !== 'string' || !/^\d+$/.test(body.PageNo)) throw invalid(method, 'Body/PageNo is not a number');
      pageNo = Number(body.PageNo);
    }
    const container = body.Records;
    let list: unknown[];
    if (container === undefined || container === '') list = [];
    else if (isObject(container) && Array.isArray(container.Record)) list = container.Record;
    else if (isObject(container) && container.Record === undefined) list = [];
    else throw invalid(method, 'Body/Records holds no Record elements');

    const required = NRP_REQUIRED_FIELDS[method] as readonly string[];
    list.forEach((record, i) => {
      if (!isObject(record) || !Object.values(record).every((v) => typeof v === 'string')) {
        throw invalid(method, `record ${i + 1} is not a flat list of fields`);
      }
      const missing = required.find((f) => record[f] === undefined);
      if (missing !== undefined) throw invalid(method, `record ${i + 1} lacks ${missing}`);
    });
    if (list.length > total) throw invalid(method, 'more records than Body/Total');
    return { total, pageNo, records: list as NrpRecordOf<M>[] };
  }

  async function queryAllPages<M extends NrpPagedMethod>(
    method: M,
    params: Omit<NrpParams<M>, 'PageNo' | 'PageSize'>,
    signal?: CallSignal,
  ): Promise<UpstreamAnswer<NrpRecordOf<M>[]>> {
    const records: NrpRecordOf<M>[] = [];
    let total: number | undefined;
    for (let pageNo = 1; total === undefined || records.length < total; pageNo++) {
      if (pageNo > NRP_MAX_PAGES) throw invalid(method, `more than ${NRP_MAX_PAGES} pages`);
      const answer = await query(method, { ...params, PageNo: pageNo, PageSize: pageSize } as NrpParams<M>, signal);
      if (answer.outcome === 'not_found') {
        if (pageNo === 1) return answer;
        throw new UpstreamError('retryable', 'upstream_error', `NRP ${method}: page ${pageNo} has no record after page 1 had some (records changed while paging)`);
      }
      const page = answer.data;
      if (page.pageNo !== undefined && page.pageNo !== pageNo) throw invalid(method, `asked for page ${pageNo}, got page ${page.pageNo}`);
      if (total === undefined) {
        total = page.total;
        // Refuse before asking: more than NRP_MAX_PAGES pages is not a person's holdings.
        if (total > NRP_MAX_PAGES * pageSize) throw invalid(method, `Total needs more than ${NRP_MAX_PAGES} pages`);
      } else if (page.total !== total) {
        throw new UpstreamError('retryable', 'upstream_error', `NRP ${method}: Total changed between pages (records changed while paging)`);
      }
      if (page.records.length === 0 && records.length < total) throw invalid(method, `page ${pageNo} is empty before Total was reached`);
      records.push(...page.records);
    }
    if (records.length > total) throw invalid(method, 'more records than Body/Total across pages');
    return { outcome: 'ok', data: records };
  }

  return { pageSize, query, queryAllPages };
}

/** A lookup by certificate answers exactly one record; zero is no record, several is a broken answer. */
export function onlyRecord<R>(method: string, answer: UpstreamAnswer<NrpPage<R>>): UpstreamAnswer<R> {
  if (answer.outcome === 'not_found') return answer;
  const [first, ...rest] = answer.data.records;
  if (first === undefined) return { outcome: 'not_found' };
  if (rest.length > 0) throw new UpstreamError('fatal', 'invalid_response', `NRP ${method}: ${rest.length + 1} records for one certificate`);
  return { outcome: 'ok', data: first };
}

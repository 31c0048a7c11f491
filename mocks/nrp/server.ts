/**
 * Mock of the NRP real-estate registry (protocol style B): `POST /bdcdj/api/query`, an XML
 * envelope with a header token, paged QueryByOwner, and the legacy stack's habit of
 * answering HTTP 500 with an HTML page when it cannot read the request.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { NrpConfig } from '../../connectors/nrp/config.js';
import { NRP_CODES, type NrpCode } from '../../connectors/nrp/codes.js';
import { NRP_DEFAULT_PAGE_SIZE, NRP_MAX_PAGE_SIZE } from '../../connectors/nrp/config.js';
import { NRP_MAX_CERTIFICATE_LENGTH, NRP_QUERY_PATH, NRP_REQUIRED_FIELDS } from '../../connectors/nrp/types.js';
import { XML_DECLARATION, element, fields, parseXml } from '../../connectors/nrp/xml.js';
import type { Population, Property, Restriction } from '../../schemas/population.js';
import { normalizeCertificateNumber } from '../../src/domain/certificate-number.js';
import type { FaultStyle } from '../kit/faults.js';
import { indexPopulation } from '../kit/population-index.js';
import { createMockServer, listenMock, type MockServer } from '../kit/server.js';
import type { MockStartOptions, RunningMock } from '../types.js';
import { ownedPropertyRecord, propertyRecord, registrationTime, restrictionRecord, type XmlRecord } from './render.js';

/** The registry's endpoint: the connector's own constant. */
export const NRP_PATH = NRP_QUERY_PATH;
const XML_TYPE = 'application/xml; charset=UTF-8';

/** The registry's codes by what the mock means (their numbers and messages are the connector's table). */
const CODES = { ok: '0', noRecord: '1', badParameters: '2', badToken: '3', busy: '4' } as const satisfies Record<string, NrpCode>;
type CodeName = keyof typeof CODES;


interface IndexedProperty { property: Property; registeredAt: string; certificate: string }

const propertyIndexes = new WeakMap<Population, ReturnType<typeof buildPropertyIndex>>();

/**
 * The registry's view of the population's properties, made once per population: each with
 * the registration time NRP records, by owner (sorted, so pages are stable) and by certificate.
 */
export function indexProperties(population: Population) {
  let index = propertyIndexes.get(population);
  if (!index) {
    index = buildPropertyIndex(population);
    propertyIndexes.set(population, index);
  }
  return index;
}

function buildPropertyIndex(population: Population) {
  const { propertiesOf } = indexPopulation(population);
  const byCertificate = new Map<string, IndexedProperty>();
  const entryOf = new Map<Property, IndexedProperty>();
  for (const property of population.properties) {
    const certificate = normalizeCertificateNumber(property.certificateNumber);
    const entry = { property, certificate, registeredAt: registrationTime(property.registeredOn, certificate) };
    byCertificate.set(certificate, entry);
    entryOf.set(property, entry);
  }
  const byOwner = new Map<string, IndexedProperty[]>();
  for (const [owner, properties] of propertiesOf) byOwner.set(owner, properties.map((p) => entryOf.get(p)!));
  const order = (a: IndexedProperty, b: IndexedProperty) =>
    a.registeredAt < b.registeredAt ? -1 : a.registeredAt > b.registeredAt ? 1 : a.certificate < b.certificate ? -1 : a.certificate > b.certificate ? 1 : 0;
  for (const list of byOwner.values()) list.sort(order);
  return { byOwner, byCertificate };
}

/** Restrictions in force on the population's "today". */
function current(restrictions: Restriction[], asOf: string): Restriction[] {
  return restrictions
    .filter((r) => r.registeredOn <= asOf && (r.until === null || r.until >= asOf))
    .sort((a, b) => (a.registeredOn < b.registeredOn ? -1 : a.registeredOn > b.registeredOn ? 1 : 0));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A positive integer parameter; absent means the default. */
function positive(v: unknown, fallback: number): number | undefined {
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || !/^\d{1,6}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= 1 ? n : undefined;
}

const LEGACY_ERROR_PAGE = (status: number, title: string) =>
  `<html><head><title>${status} ${title}</title></head><body><h1>${title}</h1>`
  + '<p>The server encountered an internal error and was unable to complete your request.</p>'
  + '<hr><address>Apache Tomcat/7.0.52</address></body></html>';

function legacyError(reply: FastifyReply, status = 500, title = 'Internal Server Error') {
  return reply.code(status).type('text/html;charset=UTF-8').send(LEGACY_ERROR_PAGE(status, title));
}

interface Body { Total: string; PageNo?: string; PageSize?: string; records: XmlRecord[] }

function envelope(code: CodeName, requestId: string, body?: Body): string {
  const c = CODES[code];
  const { message } = NRP_CODES.entries[c];
  const content = body === undefined ? '' : fields({ Total: body.Total, ...(body.PageNo ? { PageNo: body.PageNo, PageSize: body.PageSize! } : {}) })
    + element('Records', body.records.map((r) => element('Record', fields(r))).join(''));
  return XML_DECLARATION + element('Response', element('Header', fields({ Code: c, Message: message, RequestId: requestId })) + element('Body', content));
}

/** The <RequestId> of a request that is well-formed XML ('' otherwise), for an envelope answering it. */
function requestIdOf(body: unknown): string {
  try {
    const request = parseXml(typeof body === 'string' ? body : '').Request;
    const header = isObject(request) ? request.Header : undefined;
    return (isObject(header) ? text(header.RequestId) : undefined) ?? '';
  } catch {
    return '';
  }
}

/**
 * How NRP says each failure when a fault is switched on (mocks/kit/faults.ts): the legacy
 * stack's HTML page for a server error (500) and for its quota (429), its own code 4
 * (系统繁忙) in the envelope when busy, and XML that breaks off for a bad body.
 */
export const NRP_FAULT_STYLE: FaultStyle = {
  error: (reply) => legacyError(reply),
  busy: (reply, request) => reply.code(200).type(XML_TYPE).send(envelope('busy', requestIdOf(request.body))),
  rateLimit: (reply) => legacyError(reply, 429, 'Too Many Requests'),
  // A record whose ZL is never closed, and a document that ends there.
  malformed: (reply) => reply.code(200).type(XML_TYPE).send(`${XML_DECLARATION}<Response><Header><Code>0</Code><Message>成功</Message></Header>`
    + '<Body><Total>1</Total><Records><Record><BDCQZH>鲁(2021)青岛市不动产权第0012345号</BDCQZH><ZL>青岛市市南区福州南路88号3栋</Record>'),
  oversized: () => ({
    contentType: XML_TYPE,
    head: `${XML_DECLARATION}<Response><Header><Code>0</Code><Message>成功</Message><RequestId></RequestId></Header><Body><Total>1</Total><Records>`,
    item: '<Record><BDCQZH>鲁(2021)青岛市不动产权第0012345号</BDCQZH><ZL>青岛市市南区福州南路88号3栋2单元501室</ZL><MJ>89.50</MJ>'
      + '<YT>住宅</YT><GYFS>单独所有</GYFS><QLRSL>1</QLRSL><DJSJ>2021-03-05 10:21:07</DJSJ></Record>',
    tail: '</Records></Body></Response>',
  }),
  // `corrupt`: every registration time is no time, and the count is no number (so that an
  // answer without records breaks too).
  corrupt: (payload) => (typeof payload === 'string'
    ? payload.replace(/<DJSJ>[^<]*<\/DJSJ>/g, '<DJSJ>昨天下午</DJSJ>').replace(/<Total>[^<]*<\/Total>/, '<Total>几个</Total>')
    : payload),
};

export async function buildNrpServer(options: MockStartOptions<NrpConfig>): Promise<FastifyInstance> {
  return buildNrpMock(options).app;
}

function buildNrpMock(options: MockStartOptions<NrpConfig>): MockServer {
  const { population, agencyConfig } = options;
  const { byOwner, byCertificate } = indexProperties(population);
  const server = createMockServer(options, {
    interfaces: Object.keys(NRP_REQUIRED_FIELDS),
    // A fault may target one method: <Method> of the request names it.
    interfaceOf: (req) => /<Method>([A-Za-z]+)<\/Method>/.exec(typeof req.body === 'string' ? req.body : '')?.[1],
    faultStyle: NRP_FAULT_STYLE,
  });
  const { app } = server;

  app.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
  // The legacy stack answers everything it does not like with an HTML page.
  app.setErrorHandler((error, _req, reply) => {
    const code = (error as { statusCode?: unknown } | null)?.statusCode;
    const status = typeof code === 'number' && code >= 400 && code < 600 ? code : 500;
    return legacyError(reply, status, status === 500 ? 'Internal Server Error' : 'Error');
  });
  app.setNotFoundHandler((_req, reply) => legacyError(reply, 404, 'Not Found'));

  app.post(NRP_PATH, async (req, reply) => {
    const raw = typeof req.body === 'string' ? req.body : '';
    let doc: unknown;
    try {
      doc = parseXml(raw);
    } catch {
      return legacyError(reply);
    }
    const request = isObject(doc) ? doc.Request : undefined;
    if (!isObject(request) || !isObject(request.Header) || !isObject(request.Body)) return legacyError(reply);
    const { Header: header, Body: body } = request;

    const requestId = text(header.RequestId) ?? '';
    const answer = (code: CodeName, payload?: Body) => reply.code(200).type(XML_TYPE).send(envelope(code, requestId, payload));

    if (text(header.Token) !== agencyConfig.token) return answer('badToken');

    switch (text(body.Method)) {
      case 'QueryByOwner': {
        const owner = text(body.QLRZJH)?.trim().toUpperCase();
        const pageNo = positive(body.PageNo, 1);
        const pageSize = positive(body.PageSize, NRP_DEFAULT_PAGE_SIZE);
        if (!owner || pageNo === undefined || pageSize === undefined || pageSize > NRP_MAX_PAGE_SIZE) return answer('badParameters');
        const held = byOwner.get(owner);
        if (!held) return answer('noRecord');
        const page = held.slice((pageNo - 1) * pageSize, pageNo * pageSize);
        return answer('ok', {
          Total: String(held.length),
          PageNo: String(pageNo),
          PageSize: String(pageSize),
          records: page.map((e) => ownedPropertyRecord(e.property, e.registeredAt, owner)),
        });
      }
      case 'QueryByCertificate':
      case 'QueryRestrictions': {
        const certificate = text(body.BDCQZH);
        if (!certificate?.trim() || certificate.length > NRP_MAX_CERTIFICATE_LENGTH) return answer('badParameters');
        const entry = byCertificate.get(normalizeCertificateNumber(certificate));
        if (!entry) return answer('noRecord');
        const records = body.Method === 'QueryByCertificate'
          ? [propertyRecord(entry.property, entry.registeredAt)]
          : current(entry.property.restrictions, population.asOf).map(restrictionRecord);
        return answer('ok', { Total: String(records.length), records });
      }
      default:
        return answer('badParameters');
    }
  });

  return server;
}

export async function startNrpMock(options: MockStartOptions<NrpConfig>): Promise<RunningMock> {
  return listenMock('nrp', buildNrpMock(options), options);
}

/**
 * The one request body the gateway takes: JSON in UTF-8. Every other media type is refused
 * with 415 (fastify's built-in text/plain parser is removed, so a text body is not read as a
 * string and then misreported as a schema error); a charset other than UTF-8 is refused with
 * 415 before a byte is decoded; bytes that are not valid UTF-8 are refused with 400 instead
 * of being decoded into replacement characters (a GBK name would otherwise "not match").
 */
import { isUtf8 } from 'node:buffer';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GatewayError } from '../errors.js';

const UTF8 = /^"?utf-?8"?$/i;

/** The charset parameter of a Content-Type header, if any. */
export function charsetOf(contentType: string | undefined): string | undefined {
  if (!contentType || !contentType.includes(';')) return undefined;
  for (const param of contentType.split(';').slice(1)) {
    const eq = param.indexOf('=');
    if (eq > 0 && param.slice(0, eq).trim().toLowerCase() === 'charset') return param.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * What a route may do with a body's text before it is parsed: true when the route answers
 * the request without it (the body is then not parsed, and left null). Called only for a
 * body that passed the charset and UTF-8 checks.
 */
export type BeforeJsonParse = (request: FastifyRequest, text: string) => boolean;

/**
 * Makes JSON in UTF-8 the one body this context takes: the plugin below does it for the whole
 * app, and a route's own context does it again to see the text first (`beforeParse`: a
 * request sent again is answered without parsing its body, src/routes/verifications.ts).
 */
export function useJsonBody(app: FastifyInstance, beforeParse?: BeforeJsonParse): void {
  // fastify's own JSON parsing: prototype-poisoning keys (__proto__, constructor.prototype) refused.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const charset = charsetOf(request.headers['content-type']);
    if (charset !== undefined && !UTF8.test(charset)) {
      done(new GatewayError('TONGBAN_ERR_UNSUPPORTED_MEDIA_TYPE', [], 'Send the request body in UTF-8 (no charset, or charset=utf-8); other charsets are not accepted.'), undefined);
      return;
    }
    const bytes = body as Buffer;
    if (!isUtf8(bytes)) {
      done(new GatewayError('TONGBAN_ERR_INVALID_ENCODING'), undefined);
      return;
    }
    const text = bytes.toString('utf8');
    if (beforeParse !== undefined && beforeParse(request, text)) {
      done(null, null);
      return;
    }
    parseJson(request, text, done);
  });
}

export default fp(async function jsonBody(app: FastifyInstance) {
  useJsonBody(app);
}, { name: 'tongban-json-body' });

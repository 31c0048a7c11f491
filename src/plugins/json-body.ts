/**
 * The one request body the gateway takes: JSON in UTF-8. Every other media type is refused
 * with 415 (fastify's built-in text/plain parser is removed, so a text body is not read as a
 * string and then misreported as a schema error); a charset other than UTF-8 is refused with
 * 415 before a byte is decoded; bytes that are not valid UTF-8 are refused with 400 instead
 * of being decoded into replacement characters (a GBK name would otherwise "not match").
 */
import { isUtf8 } from 'node:buffer';
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { GatewayError } from '../errors.js';

const UTF8 = /^"?utf-?8"?$/i;

/** The charset parameter of a Content-Type header, if any. */
export function charsetOf(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  for (const param of contentType.split(';').slice(1)) {
    const eq = param.indexOf('=');
    if (eq > 0 && param.slice(0, eq).trim().toLowerCase() === 'charset') return param.slice(eq + 1).trim();
  }
  return undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The body as it came, decoded (null without one): what a request's answer is kept under (src/verification/answer-cache.ts). */
    bodyText: string | null;
  }
}

export default fp(async function jsonBody(app: FastifyInstance) {
  app.decorateRequest('bodyText', null);
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
    request.bodyText = text;
    parseJson(request, text, done);
  });
}, { name: 'tongban-json-body' });

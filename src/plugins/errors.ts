/**
 * Turns everything that goes wrong into the one error shape (src/errors.ts), whichever
 * layer it comes from: schema failures into per-field details, fastify's body-parsing
 * errors into our codes, a badly encoded URL (`frameworkErrors`), an HTTP request the
 * parser refuses or a client too slow to send one (`clientErrorHandler`), an unknown
 * endpoint, and anything unforeseen into a 500 that is logged and never leaks internals.
 * Every error carries the request id. Nothing a client chose is logged in clear: log lines
 * carry the code, the number of details and the first detail's path with client keys as `*`.
 */
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { TSchema } from '@sinclair/typebox';
import type { ErrorObject } from 'ajv';
import type { Logger } from 'pino';
import { GatewayError, errorBody, type ErrorCode, type ErrorDetail } from '../errors.js';
import { isEchoable, logSafePointer, pointerSegment, schemaWords } from '../log-safe.js';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'TONGBAN_ERR_MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'TONGBAN_ERR_MALFORMED_JSON',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'TONGBAN_ERR_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_TYPE: 'TONGBAN_ERR_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_TYPE: 'TONGBAN_ERR_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'TONGBAN_ERR_BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'TONGBAN_ERR_BAD_REQUEST',
  FST_ERR_BAD_URL: 'TONGBAN_ERR_BAD_REQUEST',
  FST_ERR_MAX_PARAM_LENGTH: 'TONGBAN_ERR_BAD_REQUEST',
  FST_ERR_ASYNC_CONSTRAINT: 'TONGBAN_ERR_BAD_REQUEST',
};

/**
 * ajv errors as details: a JSON pointer and what was expected. A key the client chose is
 * repeated only when it is an identifier (log-safe.ts); otherwise the detail points at the
 * object and says which key (by position) is wrong.
 */
export function validationDetails(errors: ErrorObject[], root = ''): ErrorDetail[] {
  return errors.map((e) => {
    const path = `${root}${e.instancePath}` || '/';
    const parent = path === '/' ? '' : path;
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String(e.params.additionalProperty);
        const schema = e.parentSchema as { patternProperties?: object; description?: string } | undefined;
        const what = schema?.patternProperties ? `is not a valid key: ${schema.description ?? 'see the API description'}` : 'is not a known field';
        if (isEchoable(key)) return { path: `${parent}/${pointerSegment(key)}`, message: what };
        const keys = e.data && typeof e.data === 'object' ? Object.keys(e.data) : [];
        return { path, message: `key ${keys.indexOf(key) + 1} of ${keys.length} ${what} (the key is not repeated: it is not an identifier)` };
      }
      case 'required':
        return { path: `${parent}/${String(e.params.missingProperty)}`, message: 'is required' };
      case 'type':
        if (/\/idNumber$/.test(path)) return { path, message: 'must be a string: an 18-character ID number cannot travel as a JSON number' };
        return { path, message: `must be ${String(e.params.type)}` };
      case 'pattern': {
        const expected = (e.parentSchema as { description?: string } | undefined)?.description;
        return { path, message: expected ? `must be ${expected}` : `must match pattern ${String(e.params.pattern)}` };
      }
      case 'enum':
        return { path, message: `must be one of: ${(e.params.allowedValues as unknown[]).join(', ')}` };
      default:
        return { path, message: e.message ?? 'is invalid' };
    }
  });
}

/** A fastify error (or anything thrown) as one of ours. */
function toGatewayError(err: unknown, log: FastifyRequest['log']): GatewayError {
  if (err instanceof GatewayError) return err;
  const fe = err as FastifyError;
  if (fe.validation) return new GatewayError('TONGBAN_ERR_VALIDATION', validationDetails(fe.validation as ErrorObject[]));
  const mapped = fe.code ? FASTIFY_CODES[fe.code] : undefined;
  if (mapped) return new GatewayError(mapped);
  // Any other client error: our wording, never the framework's (it may quote the request).
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) return new GatewayError('TONGBAN_ERR_BAD_REQUEST');
  log.error({ err: { type: fe.name, code: fe.code, stack: fe.stack } }, 'unhandled error');
  return new GatewayError('TONGBAN_ERR_INTERNAL');
}

/** Sends `err` in the one shape and logs it without anything the client chose. */
function sendError(request: FastifyRequest, reply: FastifyReply, err: GatewayError): void {
  if (err.status < 500) {
    const first = err.details[0];
    const words = schemaWords(request.routeOptions.schema?.body as TSchema | undefined);
    request.log.info({
      code: err.code,
      details: err.details.length,
      ...(first ? { firstPath: logSafePointer(first.path, words) } : {}),
    }, 'request refused');
  }
  // Set here too: an answer to a URL that could not be routed passes no route hooks.
  void reply.status(err.status).header('x-request-id', request.id).send(errorBody(err, request.id));
}

export default fp(async function errorsPlugin(app: FastifyInstance) {
  app.setErrorHandler((err: unknown, request, reply) => sendError(request, reply, toGatewayError(err, request.log)));

  app.setNotFoundHandler((request, reply) => {
    // The URL is not repeated: it may carry anything (an ID number in a path segment).
    const url = request.url.split('?')[0]!;
    const allowed = ['GET', 'POST', 'PUT', 'DELETE'].filter((m) => m !== request.method && app.hasRoute({ url, method: m as 'GET' }));
    if (allowed.length) {
      void reply.header('allow', allowed.join(', '));
      return sendError(request, reply, new GatewayError('TONGBAN_ERR_METHOD_NOT_ALLOWED', [], `This endpoint takes ${allowed.join(', ')}, not ${request.method}.`));
    }
    return sendError(request, reply, new GatewayError('TONGBAN_ERR_NOT_FOUND'));
  });
}, { name: 'tongban-errors' });

/** fastify's `frameworkErrors`: a URL it cannot decode gets our shape, not the framework's (which quotes the URL). */
export const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (err, request, reply) =>
  sendError(request, reply, toGatewayError(err, request.log));

const CLIENT_ERRORS: Record<string, ErrorCode> = {
  ERR_HTTP_REQUEST_TIMEOUT: 'TONGBAN_ERR_REQUEST_TIMEOUT',
  HPE_HEADER_OVERFLOW: 'TONGBAN_ERR_HEADERS_TOO_LARGE',
};

/**
 * fastify's `clientErrorHandler`, for what never becomes a request: bytes the HTTP parser
 * refuses, headers too large, a request not received within the timeouts. The answer has
 * our shape and a fresh request id, which the log line carries too.
 */
export function clientErrorHandler(log: Logger) {
  return function onClientError(err: Error & { code?: string }, socket: Socket): void {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const code = CLIENT_ERRORS[err.code ?? ''] ?? 'TONGBAN_ERR_BAD_REQUEST';
    const gatewayError = new GatewayError(code);
    const requestId = randomUUID();
    log.info({ reqId: requestId, code, cause: err.code ?? 'unknown' }, 'request refused before routing');
    // A response already under way cannot be replaced: only the connection is closed.
    const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (socket.writable && !inFlight?.headersSent) {
      const body = JSON.stringify(errorBody(gatewayError, requestId));
      socket.write(`HTTP/1.1 ${gatewayError.status} ${STATUS_CODES[gatewayError.status]}\r\n`
        + `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n`
        + `x-request-id: ${requestId}\r\nconnection: close\r\n\r\n${body}`);
    }
    socket.destroy();
  };
}

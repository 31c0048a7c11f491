/**
 * Turns everything that goes wrong into the one error shape (src/errors.ts): schema
 * failures into per-field details, fastify's body-parsing errors into our codes, and
 * anything unforeseen into a 500 that is logged (without the request body) and never
 * leaks internals to the caller.
 */
import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorObject } from 'ajv';
import { GatewayError, errorBody, type ErrorDetail } from '../errors.js';

const FASTIFY_CODES: Record<string, GatewayError['code']> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'TONGBAN_ERR_MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'TONGBAN_ERR_MALFORMED_JSON',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'TONGBAN_ERR_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'TONGBAN_ERR_BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'TONGBAN_ERR_MALFORMED_JSON',
};

export function validationDetails(errors: ErrorObject[], root = ''): ErrorDetail[] {
  return errors.map((e) => {
    const path = `${root}${e.instancePath}` || '/';
    switch (e.keyword) {
      case 'additionalProperties':
        return { path: `${path === '/' ? '' : path}/${String(e.params.additionalProperty)}`, message: 'is not a known field' };
      case 'required':
        return { path: `${path === '/' ? '' : path}/${String(e.params.missingProperty)}`, message: 'is required' };
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

export default fp(async function errorsPlugin(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | GatewayError, request, reply) => {
    let gatewayError: GatewayError;
    if (err instanceof GatewayError) gatewayError = err;
    else if ((err as FastifyError).validation) {
      gatewayError = new GatewayError('TONGBAN_ERR_VALIDATION', validationDetails((err as FastifyError).validation as ErrorObject[]));
    } else if (err.code && FASTIFY_CODES[err.code]) {
      gatewayError = new GatewayError(FASTIFY_CODES[err.code]!);
    } else if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      gatewayError = new GatewayError('TONGBAN_ERR_VALIDATION', [], err.message);
    } else {
      request.log.error({ err: { type: err.name, code: err.code, stack: err.stack } }, 'unhandled error');
      gatewayError = new GatewayError('TONGBAN_ERR_INTERNAL');
    }
    if (gatewayError.status < 500) request.log.info({ code: gatewayError.code, details: gatewayError.details }, 'request refused');
    void reply.status(gatewayError.status).send(errorBody(gatewayError, request.id));
  });

  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send(errorBody(new GatewayError('TONGBAN_ERR_NOT_FOUND', [], `No endpoint ${request.method} ${request.url.split('?')[0]}.`), request.id));
  });
}, { name: 'tongban-errors' });

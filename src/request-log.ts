/**
 * What fastify itself logs about requests, made safe (fastify's LogController): one line
 * per request when its response is sent (method, route, status, time, and what the route
 * adds in `request.logFields`) instead of an "incoming" and a "completed" line, and no line
 * that quotes the URL or the request. The
 * URL is the route's pattern, or for an unknown endpoint the path with anything that is not
 * a route-like word replaced by `*`; query strings are never logged (they may carry an ID
 * number). Health probes log at debug: a load balancer asks every few seconds.
 */
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { logSafeUrl } from './log-safe.js';

const QUIET = new Set(['/healthz', '/readyz']);

declare module 'fastify' {
  interface FastifyRequest {
    /** What the route adds to the request's one log line (ids, statuses, counts: never personal data). */
    logFields: Record<string, unknown> | null;
  }
}

function urlOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? logSafeUrl(request.url);
}

/** An error's class and code: its message may quote the request. */
function errorFields(error: unknown) {
  const e = error as { name?: string; code?: string } | null;
  return { type: e?.name ?? 'Error', ...(e?.code ? { code: e.code } : {}) };
}

export class SafeLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const url = urlOf(request);
    const fields = { method: request.method, url, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10, ...request.logFields };
    if (error) request.log.error({ ...fields, err: errorFields(error) }, 'request errored');
    else if (QUIET.has(url)) request.log.debug(fields, 'request completed');
    else request.log.info(fields, 'request completed');
  }

  override defaultErrorLog(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    const level = reply.statusCode >= 500 ? 'error' : 'info';
    request.log[level]({ url: urlOf(request), status: reply.statusCode, err: errorFields(error) }, 'request failed');
  }

  override routeNotFound(request: FastifyRequest): void {
    request.log.info({ method: request.method, url: logSafeUrl(request.url) }, 'route not found');
  }

  override writeHeadError(error: Error, request: FastifyRequest): void {
    request.log.warn({ url: urlOf(request), err: errorFields(error) }, 'could not write the response head');
  }
}

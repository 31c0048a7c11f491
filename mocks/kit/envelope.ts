/**
 * The mock side of the signed JSON envelope (protocol styles A and G, PSB and NHC): one
 * POST route per service whose raw body is kept for the signature check, the body read and
 * checked against the service's request schema, and a front end that answers every failure
 * inside its envelope with HTTP 200, never a bare 500. What differs per agency (paths, the
 * guard, the code table, the wording of refusals) is passed in; the client side is
 * src/connectors/kit/envelope.ts.
 */
import type { TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { validatorFor } from '../../src/validation.js';

/** The agency's words for a request it cannot take (for the last three, the field at fault is appended). */
export interface RefusalWords {
  /** A request the front end could not take at all (its parser failed). */
  malformed: string;
  notJson: string;
  notObject: string;
  missing: string;
  unsupported: string;
  badFormat: string;
}

export interface EnvelopeMock<Reply> {
  /** Each service's request schema, by service name. */
  services: Readonly<Record<string, { params: TSchema }>>;
  pathOf(service: string): string;
  /** A refusal of the request's signature, timestamp, nonce or quota, or null to go on. */
  guard(req: { method: string; path: string; headers: FastifyRequest['headers']; body: string }): Reply | null;
  answer(service: string, params: unknown): Reply;
  /** The agency's "bad request" envelope with this message. */
  badRequest(message: string): Reply;
  /** The agency's "busy, try again" envelope. */
  busy(): Reply;
  words: RefusalWords;
}

export function serveEnvelope<Reply>(app: FastifyInstance, mock: EnvelopeMock<Reply>): void {
  // The signature covers the raw bytes: keep the body as a string and parse it after the check.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  for (const service of Object.keys(mock.services)) {
    app.post(mock.pathOf(service), async (req): Promise<Reply> => {
      const body = typeof req.body === 'string' ? req.body : '';
      const refusal = mock.guard({ method: req.method, path: req.url, headers: req.headers, body });
      if (refusal) return refusal;
      const params = readParams(mock, service, body);
      return 'refusal' in params ? params.refusal : mock.answer(service, params.value);
    });
  }

  // The front end never lets an exception through as a 500.
  app.setErrorHandler(async (err: { statusCode?: number }, _req, reply) => {
    const clientError = err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500;
    return reply.code(200).send(clientError ? mock.badRequest(mock.words.malformed) : mock.busy());
  });
}

/** The JSON body, checked against the service's request schema; the refusal names the field at fault. */
function readParams<Reply>(mock: EnvelopeMock<Reply>, service: string, body: string): { value: unknown } | { refusal: Reply } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { refusal: mock.badRequest(mock.words.notJson) };
  }
  const valid = validatorFor(mock.services[service]!.params);
  if (valid(json)) return { value: json };
  const e = valid.errors?.[0];
  const field = e?.keyword === 'required' ? String(e.params.missingProperty)
    : e?.keyword === 'additionalProperties' ? String(e.params.additionalProperty)
      : e?.instancePath.replace(/^\//, '') ?? '';
  const problem = e?.keyword === 'required' ? mock.words.missing : e?.keyword === 'additionalProperties' ? mock.words.unsupported : mock.words.badFormat;
  return { refusal: mock.badRequest(field ? `${problem} ${field}` : mock.words.notObject) };
}

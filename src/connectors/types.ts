/**
 * The connector framework's contract. An agency module (connectors/<agency>/index.ts)
 * declares its config, builds its protocol client, and lists small connector and fact
 * declarations. Everything else (pool, cache, breaker, timeout, validation, provenance,
 * logging) is done once by src/ around every connector alike.
 */
import type { EventEmitter } from 'node:events';
import type { Static, TObject, TSchema } from '@sinclair/typebox';
import type { DataItem } from '../../schemas/data-items.js';
import type { Dispatcher } from 'undici';
import type { Logger } from 'pino';

/** How an agency's answer is classified, once, by its client. */
export type Outcome = 'ok' | 'not_found' | 'retryable' | 'fatal';

/** A classified successful exchange. Failures are thrown as UpstreamError. */
export type UpstreamAnswer<Raw> = { outcome: 'ok'; data: Raw } | { outcome: 'not_found' };

/** Per-source status as the API reports it for every upstream call. */
export const SOURCE_STATUSES = [
  'ok', 'not_found', 'timeout', 'circuit_open', 'rate_limited', 'upstream_error', 'invalid_response', 'invalid_request',
] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

/**
 * The failure statuses an agency client may raise. `invalid_request` is the agency refusing
 * our request as malformed (PSB 1002, NRP code 2, an HTTP 400): the gateway's defect or the
 * client's, never the registry's failure, so it never counts against a breaker.
 */
export type UpstreamFailure = 'timeout' | 'rate_limited' | 'upstream_error' | 'invalid_response' | 'invalid_request';

/**
 * What an agency client throws for anything but ok / not_found. `outcome` says whether a
 * retry may help; `status` is what the API reports. The message must never contain
 * personal data (no ID number, name, certificate number): it is logged and returned.
 */
export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
  readonly retryAfterMs: number | undefined;
  constructor(
    readonly outcome: 'retryable' | 'fatal',
    readonly status: UpstreamFailure,
    message: string,
    options: { cause?: unknown; retryAfterMs?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.retryAfterMs = options.retryAfterMs;
  }
}

/**
 * What a fetch gets to cancel its requests, and hands on to the kit's `send`: a standard
 * AbortSignal, or the runtime's own (runtime.ts: an EventEmitter with `aborted`). `send`
 * listens to both; listening to an emitter costs a fraction of an EventTarget's listener.
 */
export type CallSignal = AbortSignal | (EventEmitter & { readonly aborted: boolean });

/** Connector inputs are flat string records: they are canonicalised and HMAC-ed into cache keys. */
export type ConnectorInput = Record<string, string>;

/**
 * The subject fields a fact may pass to a connector under the same name. A connector's
 * `input` schema bounds them (maxLength): the API never accepts a value longer than the
 * tightest agency that receives it (src/connectors/hub.ts derives the bounds).
 */
export const SUBJECT_FIELDS = ['idNumber', 'name', 'certificateNumber', 'creditCode'] as const;
export type SubjectField = (typeof SUBJECT_FIELDS)[number];

export interface BreakerOptions {
  /** Per-call timeout in ms (opossum `timeout`). */
  timeoutMs?: number;
  /** Error percentage in the rolling window that opens the breaker (opossum `errorThresholdPercentage`). */
  errorThresholdPercentage?: number;
  /** How long the breaker stays open before a trial call, in ms (opossum `resetTimeout`). */
  resetTimeoutMs?: number;
  /** Calls in the window before the breaker may open (opossum `volumeThreshold`). */
  volumeThreshold?: number;
}

/**
 * One agency interface, as data: how to ask, how to read the answer, how long to keep it.
 * `fetch` does the request through the agency client; `map` is pure and its output is
 * validated against `schema` before the gateway trusts it.
 */
export interface ConnectorDefinition<Client = unknown, Input extends ConnectorInput = ConnectorInput, Raw = unknown, Schema extends TSchema = TSchema> {
  /** `<agency>.<interface>`, e.g. `psb.hukou-person`. */
  id: string;
  /** The agency module id, e.g. `psb`. */
  agency: string;
  /** One line for operators: what the interface answers. */
  title: string;
  /** Which of the catalog's 14 data items it reads (schemas/data-items.ts). */
  dataItem: DataItem;
  /**
   * JSON Schema of the input record: what the agency accepts (string fields, their forms
   * and lengths). The runtime checks every input against it before asking the agency, and
   * the API derives its bounds for subject fields (SUBJECT_FIELDS) from it.
   */
  input: TObject;
  /** JSON Schema (schemas/facts/) of the normalized output of `map`. */
  schema: Schema;
  /** Cache lifetimes: a found answer, and a shorter one for not_found. */
  ttl: { foundMs: number; notFoundMs: number };
  breaker?: BreakerOptions;
  fetch(client: Client, input: Input, signal: CallSignal): Promise<UpstreamAnswer<Raw>>;
  map(raw: Raw, input: Input): Static<Schema>;
}

/** Identity helper that keeps the declaration's types inferred: `fetch` and `map` get the input type of the `input` schema. */
export function defineConnector<Client, InputSchema extends TObject, Raw, Schema extends TSchema>(
  def: Omit<ConnectorDefinition<Client, Static<InputSchema> & ConnectorInput, Raw, Schema>, 'input'> & { input: InputSchema },
): ConnectorDefinition<Client, Static<InputSchema> & ConnectorInput, Raw, Schema> {
  return def;
}

// ---------------------------------------------------------------------------------------
// Subjects and facts

/** A person named in a request (ID number already normalised and validated). */
export interface PersonSubject { kind: 'person'; ref: string; idNumber: string; name: string }
/** A property named by its certificate number (normalised: half-width brackets, no spaces). */
export interface PropertySubject { kind: 'property'; ref: string; certificateNumber: string }
/**
 * A market entity named by its unified social credit code (upper-case, no spaces).
 * `checkValid` is false for a code whose check character fails: some early pilot codes do
 * and are real, so they are asked about, and the answer says so.
 */
export interface EnterpriseSubject { kind: 'enterprise'; ref: string; creditCode: string; checkValid: boolean }
export type Subject = PersonSubject | PropertySubject | EnterpriseSubject;
export type SubjectKind = Subject['kind'];
export type SubjectOf<K extends SubjectKind> = Extract<Subject, { kind: K }>;

/** What one connector call, or one whole fact, came to. */
export type Resolution<V> =
  | { status: 'found'; value: V }
  | { status: 'not_found' }
  | { status: 'unavailable' };

/**
 * Makes one connector call on behalf of a fact. The runtime adds cache, breaker,
 * validation and provenance, and records the call among the request's sources.
 */
export type CallConnector = <Input extends ConnectorInput, Schema extends TSchema>(
  connector: ConnectorDefinition<any, Input, any, Schema>,
  input: Input,
) => Promise<Resolution<Static<Schema>>>;

/**
 * An API fact (the name a platform asks for) for one kind of subject, and how to get it
 * from one or more connector calls. Dependent calls are plain awaits: a call starts as
 * soon as its input is known, and independent calls run in parallel (Promise.all).
 */
export interface FactDefinition<K extends SubjectKind = SubjectKind, Schema extends TSchema = TSchema> {
  /** API fact name, e.g. `household`. Platforms code against these: keep them stable. */
  name: string;
  subject: K;
  /** JSON Schema (schemas/facts/) of the fact's value. */
  schema: Schema;
  /** Every connector `resolve` may call. */
  connectors: ConnectorDefinition<any, any, any, any>[];
  resolve(subject: SubjectOf<K>, call: CallConnector): Promise<Resolution<Static<Schema>>>;
}

export function defineFact<K extends SubjectKind, Schema extends TSchema>(def: FactDefinition<K, Schema>): FactDefinition<K, Schema> {
  return def;
}

// ---------------------------------------------------------------------------------------
// Agencies

/** What src/ hands an agency module to build its client. */
export interface AgencyContext<Config> {
  /** The agency's undici Pool (one per agency), bound to the origin of `config.baseUrl`. */
  dispatcher: Dispatcher;
  /** The path part of `config.baseUrl` without a trailing slash ('' for none): prefix every request path with it. */
  basePath: string;
  /** The agency's validated config block, secrets resolved. Frozen. */
  config: Config;
  /** Child logger with `agency` bound. Never log request bodies: they hold personal data. */
  log: Logger;
}

/** Config fields every agency has; src/ validates them, the agency adds its own. */
export interface CommonAgencyConfig {
  baseUrl: string;
  /** Max concurrent connections in the agency's pool. */
  connections: number;
}

export interface AgencyModule<ConfigSchema extends TObject = TObject, Client = any> {
  /** Folder name under connectors/, e.g. `psb`. */
  id: string;
  /** Display name, e.g. `青岛市公安局 (PSB)`. */
  name: string;
  /** The agency's own config fields (credentials, page size …). Secrets are written as `{ "env": "VAR" }` in the config file and arrive here as strings. */
  configSchema: ConfigSchema;
  createClient(ctx: AgencyContext<Static<ConfigSchema> & CommonAgencyConfig>): Client;
  connectors: ConnectorDefinition<Client, any, any, any>[];
  facts: FactDefinition<any, any>[];
}

export function defineAgency<ConfigSchema extends TObject, Client>(def: AgencyModule<ConfigSchema, Client>): AgencyModule<ConfigSchema, Client> {
  return def;
}

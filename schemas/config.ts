/**
 * The gateway's config file. Secrets are never written in it: a secret field holds
 * `{ "env": "VARIABLE" }` and is read from the environment at start. Each agency's block
 * is the common part below plus the agency's own fields (its module's configSchema).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Profiles } from './checks.js';

/** Connections in an agency's pool unless its config says otherwise. */
export const DEFAULT_AGENCY_CONNECTIONS = 16;

export const CommonAgencyConfig = Type.Object({
  baseUrl: Type.String({ pattern: '^https?://', description: "the agency's base URL (filled in by the sandbox for mocks)" }),
  connections: Type.Integer({ minimum: 1, maximum: 256, default: DEFAULT_AGENCY_CONNECTIONS, description: 'connections in the agency’s pool' }),
  maxConcurrent: Type.Integer({ minimum: 0, maximum: 10000, default: 0, description: 'calls in flight to the agency at once, queued ones included (0: no cap beyond the pool’s connections); beyond it calls wait up to queueMs' }),
  ratePerSecond: Type.Integer({ minimum: 0, maximum: 100000, default: 0, description: 'calls started per second, the quota the agency grants (0: none); beyond it calls wait up to queueMs' }),
  queueMs: Type.Integer({ minimum: 0, maximum: 10000, default: 250, description: 'how long a call waits for the cap or the quota before it is refused as rate_limited' }),
});

export const Config = Type.Object({
  server: Type.Object({
    host: Type.String({ default: '127.0.0.1' }),
    port: Type.Integer({ minimum: 0, maximum: 65535, default: 8080 }),
    bodyLimitBytes: Type.Integer({ minimum: 1024, maximum: 10485760, default: 65536 }),
    // Slow clients: a load balancer keeps idle connections up to 60 s, a slow mobile link
    // sends 64 KiB in a few seconds; nobody legitimate needs longer than these.
    headersTimeoutMs: Type.Integer({ minimum: 100, maximum: 120000, default: 10000, description: 'time to receive the request line and headers' }),
    requestTimeoutMs: Type.Integer({ minimum: 100, maximum: 600000, default: 30000, description: 'time to receive the whole request, body included (at least headersTimeoutMs)' }),
    idleTimeoutMs: Type.Integer({ minimum: 100, maximum: 600000, default: 60000, description: 'a connection with no traffic while a request is open is closed' }),
    keepAliveTimeoutMs: Type.Integer({ minimum: 100, maximum: 600000, default: 72000, description: 'an idle kept-alive connection is closed (longer than the load balancer’s 60 s idle timeout)' }),
    heapGrowingPercent: Type.Integer({ minimum: 0, maximum: 300, default: 50, description: 'how far the JavaScript heap may grow past what its last full collection kept, in percent, set by npm start (0: V8 chooses, up to 4 times)' }),
    allocationSitePretenuring: Type.Boolean({ default: false, description: 'V8 allocation-site pretenuring, set by npm start (off by default: with it, young-generation collections under load kept three to four times as much alive and took longer; README › Performance)' }),
  }, { additionalProperties: false, default: {} }),
  logLevel: Type.Union([Type.Literal('fatal'), Type.Literal('error'), Type.Literal('warn'), Type.Literal('info'), Type.Literal('debug'), Type.Literal('trace'), Type.Literal('silent')], { default: 'info' }),
  dataDir: Type.String({ default: './data', description: 'embedded state (sandbox keys, later the SQLite audit)' }),
  security: Type.Object({
    subjectKeySecret: Type.String({ minLength: 32, description: 'HMAC key for ID numbers in cache keys and logs' }),
  }, { additionalProperties: false }),
  sandbox: Type.Object({
    enabled: Type.Boolean({ default: false, description: 'start the mock agencies in-process and point the agencies at them' }),
    seed: Type.Optional(Type.Integer()),
    households: Type.Optional(Type.Integer({ minimum: 20, maximum: 20000, description: 'default: the generator’s' })),
    asOf: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'the date the generated population describes (default: the generator’s fixed date)' })),
    population: Type.Optional(Type.String({ description: 'population file; default: generated from seed' })),
    host: Type.String({ default: '127.0.0.1' }),
    ports: Type.Record(Type.String(), Type.Integer({ minimum: 0, maximum: 65535 }), { default: {}, description: 'agency → mock port (0 or absent: a free port)' }),
  }, { additionalProperties: false, default: {} }),
  // How many verifications run at once (src/capacity.ts): past what the one event loop can
  // do, more at once only makes every answer later, and partial once the deadline cuts in.
  capacity: Type.Object({
    maxConcurrent: Type.Integer({ minimum: 1, maximum: 100000, default: 256, description: 'verifications running at once while the event loop has time to spare' }),
    minConcurrent: Type.Integer({ minimum: 1, maximum: 100000, default: 16, description: 'the fewest let run at once while the event loop is saturated (at most maxConcurrent)' }),
    maxQueued: Type.Integer({ minimum: 0, maximum: 1000000, default: 2000, description: 'verifications that may wait for a turn; one more is refused with 503' }),
    queueTimeoutMs: Type.Integer({ minimum: 1, maximum: 600000, default: 10000, description: 'the longest a verification waits for a turn; then 503' }),
  }, { additionalProperties: false, default: {} }),
  cache: Type.Object({
    maxEntriesPerConnector: Type.Integer({ minimum: 0, default: 10000 }),
    maxAnswers: Type.Integer({ minimum: 0, default: 10000, description: 'whole answers kept for requests sent again with the same body while all their sources are fresh cache hits (0: none; none either when maxEntriesPerConnector is 0)' }),
    answersMaxMiB: Type.Number({ minimum: 0, maximum: 65536, default: 8, description: 'memory those answers may take, in MiB, apart from maxMiB; the least recently used goes first (0: only maxAnswers bounds them)' }),
    maxMiB: Type.Number({ minimum: 0, maximum: 65536, default: 32, description: 'estimated memory all connectors’ caches may take together, in MiB; the least recently used answer goes first, whichever connector it came from (0: only the entry counts bound it)' }),
    staleIfErrorMs: Type.Integer({ minimum: 0, default: 3600000, description: 'how long past its TTL an entry may still be served when the source fails' }),
  }, { additionalProperties: false, default: {} }),
  connectors: Type.Object({
    timeoutMs: Type.Integer({ minimum: 1, default: 3000, description: 'per attempt; shorter than the verification deadline so that a retry fits, and a registry that uses it all is judged by its breaker' }),
    errorThresholdPercentage: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
    resetTimeoutMs: Type.Integer({ minimum: 1, default: 30000 }),
    volumeThreshold: Type.Integer({ minimum: 0, default: 10 }),
    retries: Type.Integer({ minimum: 0, maximum: 5, default: 2, description: 'further attempts after a retryable failure, inside the request deadline' }),
    retryBaseMs: Type.Integer({ minimum: 1, maximum: 10000, default: 50, description: 'first backoff; doubled each attempt, full jitter' }),
    retryMaxMs: Type.Integer({ minimum: 1, maximum: 60000, default: 1000, description: 'longest backoff (a longer Retry-After is not waited for)' }),
    retryBudgetRatio: Type.Number({ minimum: 0, maximum: 1, default: 0.1, description: 'retries per agency at most this share of its calls (10 s window)' }),
    retryBudgetMinPerSecond: Type.Number({ minimum: 0, maximum: 1000, default: 2, description: 'retries per agency allowed per second whatever the traffic' }),
  }, { additionalProperties: false, default: {} }),
  verification: Type.Object({
    deadlineMs: Type.Integer({ minimum: 100, maximum: 60000, default: 5000, description: 'every connector call of a verification ends by then; dependent calls share what is left' }),
  }, { additionalProperties: false, default: {} }),
  limits: Type.Object({
    maxSubjects: Type.Integer({ minimum: 1, maximum: 50, default: 8 }),
    maxFactsPerSubject: Type.Integer({ minimum: 1, maximum: 50, default: 16 }),
    maxChecks: Type.Integer({ minimum: 1, maximum: 200, default: 32, description: 'checks named in one request' }),
  }, { additionalProperties: false, default: {} }),
  /** Admission profiles by name (schemas/checks.ts); those of profileFiles are added to them. */
  profiles: Profiles,
  profileFiles: Type.Array(Type.String({ minLength: 1 }), { default: [], description: 'JSON files of profiles by name, relative to the config file' }),
  /** agency id → its block; validated against CommonAgencyConfig + the agency module's schema. */
  agencies: Type.Record(Type.String(), Type.Object({}, { additionalProperties: true }), { default: {} }),
}, { additionalProperties: false });
export type Config = Static<typeof Config>;

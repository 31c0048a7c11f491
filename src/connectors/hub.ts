/**
 * Builds every agency's pool and client and every connector's runtime from the agency
 * modules and the config, and answers "which fact definition serves this fact for this
 * kind of subject". Nothing here knows any agency by name.
 */
import { Pool } from 'undici';
import { Type, type TObject } from '@sinclair/typebox';
import type { Logger } from 'pino';
import { CommonAgencyConfig, type Config } from '../../schemas/config.js';
import { describeErrors, validatorFor } from '../validation.js';
import { ConfigError, deepFreeze } from '../config/load.js';
import type { SubjectKeyer } from '../subject-key.js';
import { EventEmitter } from 'node:events';
import { AgencyGuard } from './agency-guard.js';
import { ConnectorRuntime } from './runtime.js';
import { CacheBudget } from '../cache.js';
import { SUBJECT_FIELDS, type AgencyModule, type FactDefinition, type SubjectField, type SubjectKind } from './types.js';

export interface HubOptions {
  agencies: AgencyModule[];
  /** Agency id → its config block (common part + the agency's own), not yet validated. */
  agencyConfigs: Record<string, unknown>;
  config: Config;
  keyer: SubjectKeyer;
  log: Logger;
}

export class ConnectorHub {
  readonly runtimes = new Map<string, ConnectorRuntime>();
  /** The HMAC of a canonical connector input: the cache key of every connector that takes that input. */
  readonly keyer: SubjectKeyer;
  readonly pools = new Map<string, Pool>();
  /** One per agency: its concurrency cap, rate quota and retry budget, shared by its connectors. */
  readonly guards = new Map<string, AgencyGuard>();
  /**
   * `call` (a CallEvent per connector call) and `breaker` (a BreakerEvent per transition):
   * what the log, metrics, the health view and the audit trail consume.
   */
  readonly events = new EventEmitter();
  /** Every connector call of a verification ends this long after it began. */
  readonly deadlineMs: number;
  /** The memory all connectors' caches share (`cache.maxMiB`). */
  readonly cacheBudget: CacheBudget;
  private readonly facts = new Map<string, FactDefinition>();
  private readonly agencyNames = new Map<string, string>();

  constructor(options: HubOptions) {
    this.keyer = options.keyer;
    this.deadlineMs = options.config.verification.deadlineMs;
    this.cacheBudget = new CacheBudget(Math.round(options.config.cache.maxMiB * 1024 * 1024));
    try {
      this.build(options);
    } catch (err) {
      void this.close(); // pools made before the failure
      throw err;
    }
  }

  private build(options: HubOptions): void {
    const { config } = options;
    for (const agency of options.agencies) {
      const block = options.agencyConfigs[agency.id];
      if (block === undefined) throw new ConfigError(`config /agencies/${agency.id} is missing`);
      const agencyConfig = validateAgencyConfig(agency, block);
      // A Pool takes an origin only; a path in baseUrl (an agency behind a gateway) is the client's prefix.
      const base = new URL(agencyConfig.baseUrl);
      const basePath = base.pathname.replace(/\/+$/, '');
      this.agencyNames.set(agency.id, agency.name);
      const pool = new Pool(base.origin, { connections: agencyConfig.connections });
      this.pools.set(agency.id, pool);
      const log = options.log.child({ agency: agency.id });
      const client = agency.createClient({ dispatcher: pool, basePath, config: agencyConfig, log });
      const { retries, retryBaseMs, retryMaxMs, retryBudgetRatio, retryBudgetMinPerSecond } = config.connectors;
      const guard = new AgencyGuard(agency.id, {
        maxConcurrent: agencyConfig.maxConcurrent,
        ratePerSecond: agencyConfig.ratePerSecond,
        queueMs: agencyConfig.queueMs,
        retryBudgetRatio,
        retryBudgetMinPerSecond,
      });
      this.guards.set(agency.id, guard);
      for (const def of agency.connectors) {
        if (this.runtimes.has(def.id)) throw new Error(`connector ${def.id} is declared twice`);
        if (def.agency !== agency.id) throw new Error(`connector ${def.id} declares agency ${def.agency} but lives in ${agency.id}`);
        this.runtimes.set(def.id, new ConnectorRuntime(def, client, {
          keyer: options.keyer,
          cacheMax: config.cache.maxEntriesPerConnector,
          cacheBudget: this.cacheBudget,
          staleIfErrorMs: config.cache.staleIfErrorMs,
          defaults: config.connectors,
          log,
          guard,
          retry: { retries, retryBaseMs, retryMaxMs },
          events: this.events,
        }));
      }
      for (const fact of agency.facts) {
        const key = factKey(fact.subject, fact.name);
        if (this.facts.has(key)) throw new Error(`fact ${fact.name} for ${fact.subject} subjects is declared twice`);
        this.facts.set(key, fact);
      }
    }
    for (const fact of this.facts.values()) {
      for (const c of fact.connectors) {
        if (!this.runtimes.has(c.id)) throw new Error(`fact ${fact.name} uses connector ${c.id}, which no agency declares`);
      }
    }
  }

  fact(subject: SubjectKind, name: string): FactDefinition | undefined {
    return this.facts.get(factKey(subject, name));
  }

  agencyName(id: string): string | undefined {
    return this.agencyNames.get(id);
  }

  /** The API facts whose resolution may call this connector, as `<subject kind>.<fact>`, sorted. */
  factsUsing(connectorId: string): string[] {
    return [...this.facts.values()].filter((f) => f.connectors.some((c) => c.id === connectorId)).map((f) => `${f.subject}.${f.name}`).sort();
  }

  /** Fact names a subject kind can be asked for, sorted. */
  factNames(subject?: SubjectKind): string[] {
    const names = [...this.facts.values()].filter((f) => !subject || f.subject === subject).map((f) => f.name);
    return [...new Set(names)].sort();
  }

  /**
   * For each subject field (idNumber, name, certificateNumber), the tightest maxLength of
   * the connector inputs that receive it: the API accepts nothing longer, so no client can
   * send what an agency would refuse.
   */
  subjectFieldMaxLengths(): Partial<Record<SubjectField, number>> {
    const out: Partial<Record<SubjectField, number>> = {};
    for (const r of this.runtimes.values()) {
      const properties = (r.definition.input.properties ?? {}) as Record<string, { maxLength?: number }>;
      for (const field of SUBJECT_FIELDS) {
        const max = Object.hasOwn(properties, field) ? properties[field]!.maxLength : undefined;
        if (max !== undefined) out[field] = Math.min(out[field] ?? Infinity, max);
      }
    }
    return out;
  }

  runtime(id: string): ConnectorRuntime {
    const r = this.runtimes.get(id);
    if (!r) throw new Error(`unknown connector ${id}`);
    return r;
  }

  async close(): Promise<void> {
    for (const r of this.runtimes.values()) r.shutdown();
    for (const g of this.guards.values()) g.close();
    await Promise.all([...this.pools.values()].map((p) => p.close()));
  }
}

function factKey(subject: SubjectKind, name: string): string {
  return `${subject}:${name}`;
}

const agencySchemas = new WeakMap<AgencyModule, TObject>();

function validateAgencyConfig(agency: AgencyModule, block: unknown) {
  let schema = agencySchemas.get(agency);
  if (!schema) {
    schema = Type.Composite([CommonAgencyConfig, agency.configSchema], { additionalProperties: false });
    agencySchemas.set(agency, schema);
  }
  const copy = structuredClone(block); // ajv fills defaults in place; the config tree is frozen
  const validate = validatorFor(schema);
  if (!validate(copy)) {
    throw new ConfigError(`config /agencies/${agency.id} is invalid:\n  ${describeErrors(validate.errors, `/agencies/${agency.id}`).join('\n  ')}`);
  }
  return deepFreeze(copy) as typeof copy & { baseUrl: string; connections: number; maxConcurrent: number; ratePerSecond: number; queueMs: number };
}

/**
 * The seam through which a running mock is told to misbehave: one switch per mock, set and
 * cleared at run time (by tests, demos, and the sandbox's fault endpoints), for the whole
 * agency or one of its interfaces. Every mock consults it before answering (server.ts);
 * what each kind of fault does is a handler in FAULT_KINDS. Kinds: `latency` (ms, jitterMs)
 * holds requests; `corrupt` changes each answer with the mock's own `corrupt` function so
 * that the mapped fact breaks its schema (server.ts). The resilience work adds errors,
 * hangs, resets, bad bodies, quotas and outages here.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface Fault {
  kind: string;
  /** Only this interface misbehaves (the mock's own name for it); absent: all of them. */
  interface?: string;
  [param: string]: unknown;
}

/** Applies a fault to one request. Returns true when it answered the request itself. */
export type FaultHandler = (fault: Fault, request: FastifyRequest, reply: FastifyReply, faults: FaultSwitch) => Promise<boolean>;

export const FAULT_KINDS: Readonly<Record<string, FaultHandler>> = {
  /** Answers are changed on their way out (server.ts applies the mock's `corrupt`). */
  corrupt: async () => false,
  /** Holds the request `ms` (± `jitterMs`) before the mock handles it. */
  async latency(fault, _request, _reply, faults) {
    const ms = Number(fault.ms ?? 0) + (Number(fault.jitterMs ?? 0) * (Math.random() * 2 - 1));
    if (ms > 0) await faults.hold(ms);
    return false;
  },
};

export class FaultSwitch {
  private fault: Fault | undefined;
  private readonly held = new Map<NodeJS.Timeout, () => void>();

  /** Waits `ms`, or less when the fault is cleared or the mock closes (nothing is held past them). */
  hold(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const release = () => {
        clearTimeout(timer);
        this.held.delete(timer);
        resolve();
      };
      const timer = setTimeout(release, ms);
      this.held.set(timer, release);
    });
  }

  /** Lets every held request go on (the fault cleared, or the mock closing). */
  releaseAll(): void {
    for (const release of [...this.held.values()]) release();
  }

  /** Switches a fault on (replacing any other). Throws for a kind no handler knows. */
  set(fault: Fault): void {
    if (!Object.hasOwn(FAULT_KINDS, fault.kind)) throw new RangeError(`unknown fault kind '${String(fault.kind)}'; known: ${Object.keys(FAULT_KINDS).join(', ')}`);
    this.fault = { ...fault };
  }

  clear(): void {
    this.fault = undefined;
    this.releaseAll();
  }

  /** The fault that applies to a request for `interfaceName` (undefined: none). */
  active(interfaceName: string | undefined): Fault | undefined {
    const f = this.fault;
    if (f === undefined || (f.interface !== undefined && f.interface !== interfaceName)) return undefined;
    return f;
  }
}

/**
 * The seam through which a running mock is told to misbehave: one switch per mock, set and
 * cleared at run time (by tests, demos, and the sandbox's fault endpoints,
 * src/routes/sandbox.ts), for the whole agency or one of its interfaces. Every mock consults
 * it before answering and on each answer's way out (server.ts); what each kind of fault
 * does is a handler in FAULT_KINDS, and how an agency says "error", "busy", "quota" or
 * sends a bad body is the agency's own FaultStyle (mocks/<agency>/server.ts): the kit
 * names no agency.
 *
 * | kind         | parameters (default)              | what a client sees                                        |
 * |--------------|-----------------------------------|-----------------------------------------------------------|
 * | `latency`    | `ms` (required), `jitterMs` (0)   | the answer `ms` ± `jitterMs` late                          |
 * | `error`      | `rate` 0..1 (1)                   | that share of requests: the agency's HTTP 500             |
 * | `hang`       |                                   | no answer until the fault is cleared or the mock closes, then the connection is closed |
 * | `reset`      |                                   | the connection reset, no answer                           |
 * | `malformed`  |                                   | a success status, a body that is not the agency's format  |
 * | `oversized`  | `bytes` (12 MiB)                  | a success status, a body that large (streamed, chunked)   |
 * | `slow-body`  | `bytesPerSecond` (64)             | headers at once, then the answer trickles                 |
 * | `rate-limit` | `retryAfterSeconds` (1)           | the agency's quota answer with Retry-After                |
 * | `busy`       |                                   | the agency's "busy, try again" answer                     |
 * | `outage`     |                                   | connection refused: the mock stops listening; cleared, it listens on the same port (1) |
 * | `corrupt`    |                                   | the answer changed so that its fact breaks its schema     |
 *
 * (1) One port cannot refuse one interface: with `interface`, the mock keeps listening for
 * the others and closes the connection of a request for that one without an answer.
 *
 * Parameters are checked when a fault is set: an unknown kind, an unknown or out-of-range
 * parameter, or an interface the mock does not have throws a FaultParameterError (a
 * RangeError) naming the parameter and what was expected. A fault replaces the one before.
 * Cleared or replaced, and when the mock closes, whatever a fault holds is let go: a delayed
 * answer is handled, a trickle sends the rest at once, a hung connection is closed.
 */
import { Readable } from 'node:stream';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface Fault {
  kind: string;
  /** Only this interface misbehaves (the mock's own name for it); absent: all of them. */
  interface?: string;
  [param: string]: unknown;
}

/** A sent (or sending) answer: every rendering sends on `reply` and returns it. */
type Rendered = FastifyReply | Promise<FastifyReply>;

/**
 * How one agency says each kind of failure, in its own protocol and format. Each mock gives
 * its own to createMockServer; the kit only calls it.
 */
export interface FaultStyle {
  /** `error`: the agency's own server error, an HTTP 500 as the agency sends it. */
  error(reply: FastifyReply, request: FastifyRequest): Rendered;
  /** `busy`: the agency's own "busy, try again later" answer (its code or status). */
  busy(reply: FastifyReply, request: FastifyRequest): Rendered;
  /** `rate-limit`: the agency's own quota answer (its code, or HTTP 429). The kit has set Retry-After. */
  rateLimit(reply: FastifyReply, request: FastifyRequest, retryAfterSeconds: number): Rendered;
  /** `malformed`: the interface's success status with a body that cannot be read in the agency's format. */
  malformed(reply: FastifyReply, request: FastifyRequest): Rendered;
  /** `oversized`: a large success answer in the agency's format, as a frame the kit streams to the size asked. */
  oversized(request: FastifyRequest): OversizedFrame;
  /**
   * `corrupt`: the agency's answer changed so that the fact mapped from it breaks its schema
   * (a date that is not one, a number that is text), in the agency's own format. The
   * gateway must refuse it (invalid_response), never pass it on.
   */
  corrupt(payload: unknown): unknown;
}

/** `head`, then `item` as many times as fit, then `tail` (blanks make up the rest): exactly the bytes asked. */
export interface OversizedFrame {
  /** Default 200. */
  status?: number;
  contentType: string;
  head: string | Buffer;
  item: string | Buffer;
  tail: string | Buffer;
}

/** A numeric parameter of a kind. */
export interface FaultParameter {
  integer: boolean;
  minimum: number;
  maximum: number;
  /** Absent: the parameter is required. */
  default?: number;
  /** What it means, for messages and the API schema. */
  description: string;
}

export interface FaultContext {
  fault: Fault;
  request: FastifyRequest;
  reply: FastifyReply;
  faults: FaultSwitch;
  style: FaultStyle;
}

export interface FaultKind {
  description: string;
  params: Readonly<Record<string, FaultParameter>>;
  /** False: the mock does not listen while the fault is on for the whole agency (no `interface`). Default true. */
  listening?: boolean;
  /** Before the mock handles a request the fault applies to. True when the fault answered (or dropped) it. */
  request?(ctx: FaultContext): Promise<boolean>;
  /** On an answer's way out: the payload to send instead. */
  send?(ctx: FaultContext, payload: unknown): unknown;
}

/** A fault that cannot be set: `parameter` names the field, `expected` says what it must be. */
export class FaultParameterError extends RangeError {
  override readonly name = 'FaultParameterError';
  constructor(readonly parameter: string, readonly expected: string, message = `fault parameter '${parameter}' ${expected}`) {
    super(message);
  }
}

const MiB = 1024 * 1024;
const NO_PARAMETERS = {} as const;

/** The socket of a request (always there for a request that came over HTTP). */
function socketOf(request: FastifyRequest): Socket | undefined {
  return request.raw.socket as Socket | undefined;
}

export const FAULT_KINDS: Readonly<Record<string, FaultKind>> = {
  latency: {
    description: 'holds every answer `ms` (± `jitterMs`) before the mock handles the request',
    params: {
      ms: { integer: true, minimum: 0, maximum: 600_000, description: 'delay in milliseconds' },
      jitterMs: { integer: true, minimum: 0, maximum: 600_000, default: 0, description: 'random spread around ms, in milliseconds' },
    },
    async request({ fault, faults }) {
      const ms = Number(fault.ms) + (Number(fault.jitterMs) * (Math.random() * 2 - 1));
      if (ms > 0) await faults.hold(ms);
      return false;
    },
  },
  error: {
    description: 'answers that share of requests with the agency\'s own HTTP 500 (spread evenly, the first one included)',
    params: { rate: { integer: false, minimum: 0, maximum: 1, default: 1, description: 'share of requests answered with the error' } },
    async request({ fault, faults, reply, request, style }) {
      if (!faults.takeShare(Number(fault.rate))) return false;
      await style.error(reply, request);
      return true;
    },
  },
  hang: {
    description: 'never answers; the connection is closed when the fault is cleared or the mock closes',
    params: NO_PARAMETERS,
    async request({ request, reply, faults }) {
      reply.hijack();
      const socket = socketOf(request);
      await faults.hold(Infinity, socket);
      socket?.destroy();
      return true;
    },
  },
  reset: {
    description: 'resets the connection without answering',
    params: NO_PARAMETERS,
    async request({ request, reply }) {
      reply.hijack();
      const socket = socketOf(request);
      if (socket && !socket.destroyed) socket.resetAndDestroy();
      return true;
    },
  },
  malformed: {
    description: 'a success status with a body that cannot be read in the agency\'s format',
    params: NO_PARAMETERS,
    async request({ reply, request, style }) {
      await style.malformed(reply, request);
      return true;
    },
  },
  oversized: {
    description: 'a success status with a body of `bytes` bytes in the agency\'s format, streamed',
    params: { bytes: { integer: true, minimum: 1, maximum: 1024 * MiB, default: 12 * MiB, description: 'size of the body in bytes' } },
    async request({ fault, reply, request, style }) {
      const frame = style.oversized(request);
      streamedOn(reply);
      reply.code(frame.status ?? 200).header('content-type', frame.contentType)
        .send(Readable.from(frameBytes(frame, Number(fault.bytes)), { objectMode: false }));
      return true;
    },
  },
  'slow-body': {
    description: 'sends the headers at once, then the answer at `bytesPerSecond`',
    params: { bytesPerSecond: { integer: true, minimum: 1, maximum: 16 * MiB, default: 64, description: 'speed of the body in bytes per second' } },
    send({ fault, reply, faults }, payload) {
      const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : Buffer.isBuffer(payload) ? payload : undefined;
      if (body === undefined || body.length === 0) return payload;
      reply.header('content-length', String(body.length));
      streamedOn(reply);
      return trickle(body, Number(fault.bytesPerSecond), faults);
    },
  },
  'rate-limit': {
    description: 'the agency\'s own quota answer, with Retry-After',
    params: { retryAfterSeconds: { integer: true, minimum: 0, maximum: 86_400, default: 1, description: 'the Retry-After header, in seconds' } },
    async request({ fault, reply, request, style }) {
      const seconds = Number(fault.retryAfterSeconds);
      reply.header('retry-after', String(seconds));
      await style.rateLimit(reply, request, seconds);
      return true;
    },
  },
  busy: {
    description: 'the agency\'s own "busy, try again later" answer',
    params: NO_PARAMETERS,
    async request({ reply, request, style }) {
      await style.busy(reply, request);
      return true;
    },
  },
  outage: {
    description: 'the mock stops listening (connection refused); cleared, it listens on the same port again. '
      + 'With `interface`, the connection of a request for that interface is closed without an answer',
    params: NO_PARAMETERS,
    listening: false,
    // For one interface; and a request that was already being read when the listener closed.
    async request({ request, reply }) {
      reply.hijack();
      socketOf(request)?.destroy();
      return true;
    },
  },
  corrupt: {
    description: 'changes each answer so that the fact mapped from it breaks its schema',
    params: NO_PARAMETERS,
    send: ({ style }, payload) => style.corrupt(payload),
  },
};

/** What a parameter must be, in words: `must be an integer from 0 to 600000 (delay in milliseconds)`. */
export function expectedOf(spec: FaultParameter): string {
  return `must be ${spec.integer ? 'an integer' : 'a number'} from ${spec.minimum} to ${spec.maximum} (${spec.description})`;
}

/** Exactly `bytes` bytes of the frame, a block at a time (the body is never held whole). */
function* frameBytes(frame: OversizedFrame, bytes: number): Generator<Buffer> {
  const buf = (v: string | Buffer) => (typeof v === 'string' ? Buffer.from(v, 'utf8') : v);
  const head = buf(frame.head);
  const item = buf(frame.item);
  const tail = buf(frame.tail);
  if (bytes <= head.length + tail.length || item.length === 0) {
    yield Buffer.concat([head, tail]).subarray(0, bytes);
    return;
  }
  yield head;
  let fill = bytes - head.length - tail.length;
  const perBlock = Math.max(1, Math.floor(65_536 / item.length));
  const block = Buffer.concat(Array.from({ length: perBlock }, () => item));
  while (fill >= item.length) {
    const n = Math.min(perBlock, Math.floor(fill / item.length));
    yield n === perBlock ? block : block.subarray(0, n * item.length);
    fill -= n * item.length;
  }
  if (fill > 0) yield Buffer.alloc(fill, 0x20);
  yield tail;
}

/**
 * A response a fault streams may carry more `close` listeners than Node's warning limit of
 * ten, none of them leaked: fastify's Reply is a thenable, and each time it is awaited or
 * returned through an async function it waits on the response's end with two; sending a
 * stream adds three more (a trickled PSB answer had eleven). All go when the response ends.
 */
function streamedOn(reply: FastifyReply): void {
  reply.raw.setMaxListeners(32);
}

/**
 * `body` at `bytesPerSecond`: the first bytes at once (with the headers), then a tenth of a
 * second's worth at a time. Let go (the fault cleared or replaced, the mock closing), the
 * rest is sent at once.
 */
function trickle(body: Buffer, bytesPerSecond: number, faults: FaultSwitch): Readable {
  const chunk = Math.max(1, Math.floor(bytesPerSecond / 10));
  const intervalMs = (chunk * 1000) / bytesPerSecond;
  let offset = 0;
  let timer: NodeJS.Timeout | undefined;
  let released = false;
  const stream = new Readable({
    read() {},
    destroy(err, callback) {
      clearTimeout(timer);
      forget();
      callback(err);
    },
  });
  const step = () => {
    timer = undefined;
    if (stream.destroyed) return;
    const end = released ? body.length : Math.min(body.length, offset + chunk);
    stream.push(body.subarray(offset, end));
    offset = end;
    if (offset >= body.length) {
      forget();
      stream.push(null);
      return;
    }
    timer = setTimeout(step, intervalMs);
  };
  const forget = faults.onRelease(() => {
    released = true;
    if (timer !== undefined) {
      clearTimeout(timer);
      step();
    }
  });
  step();
  return stream;
}

/** How the switch stops and starts the mock's listener (listenMock gives it one). */
export interface MockListener {
  stop(): Promise<void>;
  start(): Promise<void>;
}

export class FaultSwitch {
  private fault: Fault | undefined;
  /** What the current fault holds (delayed, hung or trickling answers): each lets go when called. */
  private readonly releases = new Set<() => void>();
  /** Requests the current fault applied to, for `error`'s share. */
  private applied = 0;
  private listener: MockListener | undefined;
  private listening = true;
  private closed = false;
  /** Listener changes, one after the other. */
  private transition: Promise<void> = Promise.resolve();

  /** `interfaces`: the mock's names for its interfaces; a fault may target only one of these. */
  constructor(readonly interfaces: readonly string[] = []) {}

  /** The fault switched on now, with every parameter (defaults filled in); undefined: none. */
  get current(): Fault | undefined {
    return this.fault === undefined ? undefined : { ...this.fault };
  }

  /**
   * Switches a fault on, replacing any other. Throws a FaultParameterError (synchronously)
   * when the fault cannot be set. The fault applies to requests from now on; the promise
   * resolves once the listener is as the fault wants it (`outage`: closed; otherwise open).
   */
  set(fault: Fault): Promise<void> {
    const checked = this.check(fault);
    this.fault = checked;
    this.applied = 0;
    this.releaseAll();
    return this.reconcile();
  }

  /** Switches the fault off: held answers go on, hung connections are closed, the listener is open again. */
  clear(): Promise<void> {
    this.fault = undefined;
    this.applied = 0;
    this.releaseAll();
    return this.reconcile();
  }

  /** How many answers the current fault holds now (delayed, hung or trickling): tests wait on it instead of a clock. */
  get held(): number {
    return this.releases.size;
  }

  /** The fault that applies to a request for `interfaceName` (undefined: none). */
  active(interfaceName: string | undefined): Fault | undefined {
    const f = this.fault;
    if (f === undefined || (f.interface !== undefined && f.interface !== interfaceName)) return undefined;
    return f;
  }

  /** Waits `ms` (Infinity: until let go), or less when the fault is cleared or replaced, the mock closes, or `socket` closes. */
  hold(ms: number, socket?: Socket): Promise<void> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        clearTimeout(timer);
        forget();
        socket?.off('close', done);
        resolve();
      };
      const forget = this.onRelease(done);
      if (Number.isFinite(ms)) timer = setTimeout(done, ms);
      socket?.once('close', done);
    });
  }

  /** Calls `release` when the current fault is cleared or replaced, or the mock closes. Returns its cancellation. */
  onRelease(release: () => void): () => void {
    this.releases.add(release);
    return () => {
      this.releases.delete(release);
    };
  }

  /** Lets everything held go (the fault cleared or replaced, or the mock closing). */
  releaseAll(): void {
    for (const release of [...this.releases]) release();
  }

  /**
   * True for `rate` of the requests the current fault applies to, spread evenly and the
   * first one included (rate 0.25: the 1st, 5th, 9th …), so that tests and demos see the
   * same thing every time.
   */
  takeShare(rate: number): boolean {
    const n = ++this.applied;
    return Math.ceil(n * rate - 1e-9) > Math.ceil((n - 1) * rate - 1e-9);
  }

  /** The mock's listener, for `outage` (listenMock attaches it once it listens). */
  attach(listener: MockListener): void {
    this.listener = listener;
  }

  /** The mock is closing: everything held goes, and the listener is left as it is. */
  close(): void {
    this.closed = true;
    this.releaseAll();
  }

  /** The fault as it will be kept: known kind and interface, known parameters in range, defaults filled in. */
  private check(fault: Fault): Fault {
    if (typeof fault !== 'object' || fault === null) throw new FaultParameterError('kind', 'is required');
    const kindName = fault.kind;
    const kind = typeof kindName === 'string' && Object.hasOwn(FAULT_KINDS, kindName) ? FAULT_KINDS[kindName]! : undefined;
    if (kind === undefined) {
      const known = Object.keys(FAULT_KINDS).join(', ');
      throw new FaultParameterError('kind', `must be one of: ${known}`, `unknown fault kind '${String(kindName)}'; known: ${known}`);
    }
    const checked: Fault = { kind: kindName as string };
    if (fault.interface !== undefined) {
      if (typeof fault.interface !== 'string' || (this.interfaces.length > 0 && !this.interfaces.includes(fault.interface))) {
        throw new FaultParameterError('interface', `must be one of this agency's interfaces: ${this.interfaces.join(', ')}`);
      }
      checked.interface = fault.interface;
    }
    const takes = Object.keys(kind.params);
    for (const name of Object.keys(fault)) {
      if (name === 'kind' || name === 'interface' || Object.hasOwn(kind.params, name)) continue;
      throw new FaultParameterError(name, takes.length
        ? `does not apply to '${checked.kind}' (it takes: ${takes.join(', ')})`
        : `does not apply to '${checked.kind}' (it takes no parameters)`);
    }
    for (const [name, spec] of Object.entries(kind.params)) {
      const value = fault[name];
      if (value === undefined) {
        if (spec.default === undefined) throw new FaultParameterError(name, `is required: ${expectedOf(spec).slice('must be '.length)}`);
        checked[name] = spec.default;
        continue;
      }
      if (typeof value !== 'number' || !Number.isFinite(value) || (spec.integer && !Number.isInteger(value))
        || value < spec.minimum || value > spec.maximum) {
        throw new FaultParameterError(name, expectedOf(spec));
      }
      checked[name] = value;
    }
    return checked;
  }

  /** Opens or closes the listener as the current fault wants, after any change under way. */
  private reconcile(): Promise<void> {
    const next = this.transition.then(async () => {
      if (this.listener === undefined || this.closed) return;
      const f = this.fault;
      const want = f === undefined || f.interface !== undefined || FAULT_KINDS[f.kind]?.listening !== false;
      if (want && !this.listening) {
        await this.listener.start();
        this.listening = true;
      } else if (!want && this.listening) {
        this.listening = false;
        await this.listener.stop();
      }
    });
    this.transition = next.catch(() => {});
    return next;
  }
}

/**
 * The PSB gateway's checks before any service runs, in the agency's order: app key,
 * timestamp freshness, signature, nonce reuse, then the app key's request quota.
 * The signature is verified with connectors/psb/signing.ts: one definition of the protocol.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { PsbConfig } from '../../connectors/psb/config.js';
import { PSB_CODES } from '../../connectors/psb/codes.js';
import { PSB_HEADERS, PSB_MIN_NONCE_LENGTH, PSB_TIMESTAMP_WINDOW_MS, psbSignatureMatches, psbSigningKey } from '../../connectors/psb/signing.js';
import type { PsbReply } from './services.js';

export interface PsbGuardOptions {
  credentials: Pick<PsbConfig, 'appKey' | 'appSecret'>;
  now: () => number;
  /** Requests per app key per clock second before 4290. */
  maxRequestsPerSecond: number;
}

export interface SignedRequest { method: string; path: string; headers: IncomingHttpHeaders; body: string }

const refuse = (code: '1002' | '2001' | '2002' | '2003' | '4290', msg: string = PSB_CODES.entries[code].msg): PsbReply => ({ code, msg, data: null });

/** Returns the refusal to send, or null when the request may go on. Remembers nonces and counts requests. */
export function createPsbGuard(options: PsbGuardOptions): (req: SignedRequest) => PsbReply | null {
  const { credentials, now, maxRequestsPerSecond } = options;
  const key = psbSigningKey(credentials.appSecret);
  /** nonce → when its timestamp leaves the window (after that, 2002 refuses a replay anyway). */
  const nonces = new Map<string, number>();
  let lastSweep = 0;
  let quota = { second: -1, count: 0 };

  function sweep(at: number): void {
    if (at - lastSweep < 10_000) return;
    lastSweep = at;
    for (const [nonce, expires] of nonces) if (expires < at) nonces.delete(nonce);
  }

  return (req) => {
    const appKey = header(req.headers, PSB_HEADERS.appKey);
    const timestamp = header(req.headers, PSB_HEADERS.timestamp);
    const nonce = header(req.headers, PSB_HEADERS.nonce);
    const signature = header(req.headers, PSB_HEADERS.signature);
    const at = now();

    if (!appKey || appKey !== credentials.appKey) return refuse('2001', '应用标识(X-App-Key)无效');
    if (!timestamp || !/^\d{1,16}$/.test(timestamp)) return refuse('2002', '请求时间戳(X-Timestamp)格式错误');
    const sentAt = Number(timestamp);
    if (Math.abs(at - sentAt) > PSB_TIMESTAMP_WINDOW_MS) return refuse('2002');
    if (!nonce || nonce.length < PSB_MIN_NONCE_LENGTH) return refuse('1002', `请求参数错误：X-Nonce长度不得少于${PSB_MIN_NONCE_LENGTH}位`);
    if (!signature) return refuse('2001', '缺少签名(X-Signature)');
    const signed = { appKey, timestamp, nonce, method: req.method, path: req.path, body: req.body };
    if (!psbSignatureMatches(key, signed, signature)) return refuse('2001');

    sweep(at);
    if (nonces.has(nonce)) return refuse('2003', '请求重复提交(X-Nonce已使用)');
    nonces.set(nonce, sentAt + PSB_TIMESTAMP_WINDOW_MS);

    const second = Math.floor(at / 1000);
    if (quota.second !== second) quota = { second, count: 0 };
    if (++quota.count > maxRequestsPerSecond) return refuse('4290');
    return null;
  };
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
}

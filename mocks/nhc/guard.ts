/**
 * The NHC platform's checks before any service runs, in its order: app id, timestamp
 * freshness, nonce form, signature, nonce reuse, then the app id's request quota.
 * The signature is verified with connectors/nhc/signing.ts: one definition of the protocol.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { NhcConfig } from '../../connectors/nhc/config.js';
import { NHC_HEADERS, NHC_NONCE_PATTERN, NHC_TIMESTAMP_WINDOW_S, nhcSignatureMatches, nhcSigningKey } from '../../connectors/nhc/signing.js';
import { nhcReply, type NhcReply } from './services.js';

export interface NhcGuardOptions {
  credentials: Pick<NhcConfig, 'appId' | 'appSecret'>;
  /** The platform's clock, in ms. */
  now: () => number;
  /** Requests per app id per clock second before 42901. */
  maxRequestsPerSecond: number;
}

export interface SignedRequest { method: string; path: string; headers: IncomingHttpHeaders; body: string }

/** Returns the refusal to send, or null when the request may go on. Remembers nonces and counts requests. */
export function createNhcGuard(options: NhcGuardOptions): (req: SignedRequest) => NhcReply | null {
  const { credentials, now, maxRequestsPerSecond } = options;
  const key = nhcSigningKey(credentials.appSecret);
  /** nonce → when (s) its timestamp leaves the window (after that, 20003 refuses a replay anyway). */
  const nonces = new Map<string, number>();
  let lastSweep = 0;
  let quota = { second: -1, count: 0 };

  function sweep(atS: number): void {
    if (atS - lastSweep < 10) return;
    lastSweep = atS;
    for (const [nonce, expires] of nonces) if (expires < atS) nonces.delete(nonce);
  }

  return (req) => {
    const appId = header(req.headers, NHC_HEADERS.appId);
    const timestamp = header(req.headers, NHC_HEADERS.timestamp);
    const nonce = header(req.headers, NHC_HEADERS.nonce);
    const signature = header(req.headers, NHC_HEADERS.signature);
    const atS = Math.floor(now() / 1000);

    if (!appId || appId !== credentials.appId) return nhcReply('20001');
    // Seconds, 10 digits today: a millisecond timestamp is a format error, not a stale one.
    if (!timestamp || !/^\d{1,10}$/.test(timestamp)) return nhcReply('20003', null, '时间戳格式错误(X-NHC-Timestamp应为秒级时间戳)');
    const sentS = Number(timestamp);
    if (Math.abs(atS - sentS) > NHC_TIMESTAMP_WINDOW_S) return nhcReply('20003');
    if (!nonce || !NHC_NONCE_PATTERN.test(nonce)) return nhcReply('10001', null, '请求参数错误：X-NHC-Nonce应为16至64位字母或数字');
    if (!signature) return nhcReply('20002', null, '缺少签名(X-NHC-Signature)');
    const signed = { method: req.method, path: req.path, appId, timestamp, nonce, body: req.body };
    if (!nhcSignatureMatches(key, signed, signature)) return nhcReply('20002');

    sweep(atS);
    if (nonces.has(nonce)) return nhcReply('20004');
    nonces.set(nonce, sentS + NHC_TIMESTAMP_WINDOW_S);

    if (quota.second !== atS) quota = { second: atS, count: 0 };
    if (++quota.count > maxRequestsPerSecond) return nhcReply('42901');
    return null;
  };
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
}

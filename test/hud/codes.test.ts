/**
 * HUD's error table agrees with the kit's one HTTP table for the status each code comes
 * with, except where HUD uses a status specially (the client handles those first).
 */
import t from 'tap';
import { HUD_ERRORS, knownErrorCode, type HudErrorCode } from '../../connectors/hud/codes.js';
import { classifyStatus } from '../../src/connectors/kit/http.js';

/** 401: refresh once (invalid_token) or credentials refused (invalid_client); the kit says fatal upstream_error too. */
const SPECIAL = new Set<HudErrorCode>(['invalid_client', 'invalid_token']);

t.test('each code is classified as the kit classifies its HTTP status', async (t) => {
  for (const [code, entry] of Object.entries(HUD_ERRORS.entries) as Array<[HudErrorCode, (typeof HUD_ERRORS.entries)[HudErrorCode]]>) {
    const kit = classifyStatus(entry.httpStatus)!;
    if (SPECIAL.has(code)) {
      t.same([entry.outcome, entry.status], ['fatal', 'upstream_error'], `${code}: a config error, never retried`);
      continue;
    }
    t.same([entry.outcome, entry.status], [kit.outcome, kit.status], `${code} (HTTP ${entry.httpStatus})`);
  }
});

t.test('a known code is read from an error body; anything else is not repeated', async (t) => {
  t.equal(knownErrorCode('{"error":"invalid_request","errorDescription":"参数错误"}'), 'invalid_request');
  t.equal(knownErrorCode('{"error":"370202198503120017"}'), undefined, 'an unknown code may be anything');
  t.equal(knownErrorCode('{"error":"toString"}'), undefined, 'only the table’s own keys');
  t.equal(knownErrorCode('<html>502</html>'), undefined);
  t.equal(knownErrorCode('null'), undefined);
});

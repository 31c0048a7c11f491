import { UpstreamError, type UpstreamAnswer } from '../../src/connectors/types.js';
import type { NrpPage } from './types.js';

/** A lookup by certificate answers exactly one record; zero is no record, several is a broken answer. */
export function onlyRecord<R>(method: string, answer: UpstreamAnswer<NrpPage<R>>): UpstreamAnswer<R> {
  if (answer.outcome === 'not_found') return answer;
  const [first, ...rest] = answer.data.records;
  if (first === undefined) return { outcome: 'not_found' };
  if (rest.length > 0) throw new UpstreamError('fatal', 'invalid_response', `NRP ${method}: ${rest.length + 1} records for one certificate`);
  return { outcome: 'ok', data: first };
}

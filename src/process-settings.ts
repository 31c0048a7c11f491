/**
 * The V8 settings the gateway's process runs with, from `server` in the config: `npm start`
 * applies them before the gateway loads. A process setting: tests do not change it. The
 * benchmarks that run the gateway's code in a process of their own (bench:calls,
 * bench:micro, bench:memory) apply them too, so that they measure a process set up as the
 * gateway's.
 */
import { setFlagsFromString } from 'node:v8';
import type { Config } from '../schemas/config.js';

export function applyProcessSettings(server: Config['server']): void {
  // Under load a verification's objects outlive a young-generation collection or two and are
  // promoted; V8 would let the old generation grow to several times what survives a full
  // collection before it collects again (RSS 500 MiB under the bench, 140 MiB of it alive).
  // A fixed factor keeps it near what is alive, for a few more full collections (read at
  // every collection, so it applies when set at start).
  if (server.heapGrowingPercent > 0) setFlagsFromString(`--heap-growing-percent=${server.heapGrowingPercent}`);
  // V8 notes which allocation sites' objects survive young-generation collections, to
  // allocate them in the old generation from the start. Under load that kept far more of
  // each young generation alive than the requests in flight hold: at 50 light
  // verifications a second 1.5 MB survived every collection and 1.3 MB was promoted (0.4 and
  // 0.24 MB without it; node --trace-gc-nvp), so collections took longer and full ones came
  // sooner (bench/LOG.md).
  if (!server.allocationSitePretenuring) setFlagsFromString('--no-allocation-site-pretenuring');
}

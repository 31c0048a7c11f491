/** The production example config in the README is valid and builds every agency's connectors. */
import t from 'tap';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/load.js';
import { ConnectorHub } from '../../src/connectors/hub.js';
import { AGENCIES } from '../../connectors/index.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { createSubjectKeyer } from '../../src/subject-key.js';

const file = join(PROJECT_ROOT, 'src/config/production.example.json');
const env = {
  TONGBAN_SUBJECT_KEY_SECRET: 'x'.repeat(40),
  TONGBAN_PSB_APP_SECRET: 'p'.repeat(32),
  TONGBAN_NRP_TOKEN: 'n'.repeat(32),
  TONGBAN_HUD_CLIENT_SECRET: 'h'.repeat(32),
  TONGBAN_HRSS_API_KEY: 'r'.repeat(32),
  TONGBAN_AMR_ACCESS_KEY: 'a'.repeat(32),
  TONGBAN_MCA_TOKEN: 'm'.repeat(32),
  TONGBAN_NHC_APP_SECRET: 'c'.repeat(32),
  TONGBAN_EDU_TOKEN: 'e'.repeat(32),
};

t.test('the production example loads and every agency block is valid', async (t) => {
  const { config } = loadConfig({ file, env });
  t.equal(config.sandbox.enabled, false);
  const hub = new ConnectorHub({ agencies: AGENCIES, agencyConfigs: config.agencies, config, keyer: createSubjectKeyer('k'.repeat(32)), log: pino({ level: 'silent' }) });
  t.equal(hub.runtimes.size, AGENCIES.reduce((n, a) => n + a.connectors.length, 0));
  await hub.close();
});

t.test('a missing agency secret names its variable', async (t) => {
  t.throws(() => loadConfig({ file, env: { ...env, TONGBAN_NRP_TOKEN: undefined } }), { message: /\/agencies\/nrp\/token: environment variable TONGBAN_NRP_TOKEN is not set/ });
});

t.test('a bad agency block is refused with its path', async (t) => {
  const { config } = loadConfig({ file, env, overrides: { agencies: { nrp: { pageSize: 50 } } } });
  t.throws(
    () => new ConnectorHub({ agencies: AGENCIES, agencyConfigs: config.agencies, config, keyer: createSubjectKeyer('k'.repeat(32)), log: pino({ level: 'silent' }) }),
    { name: 'ConfigError', message: /\/agencies\/nrp\/pageSize/ },
  );
  const { config: good } = loadConfig({ file, env });
  const agencyConfigs = { ...good.agencies } as Record<string, unknown>;
  delete agencyConfigs.psb;
  t.throws(
    () => new ConnectorHub({ agencies: AGENCIES, agencyConfigs, config: good, keyer: createSubjectKeyer('k'.repeat(32)), log: pino({ level: 'silent' }) }),
    { message: /\/agencies\/psb is missing/ },
  );
});

t.test('an agency behind a path prefix gets the prefix as basePath, once, for every client', async (t) => {
  const { config } = loadConfig({ file, env });
  const seen: Array<{ id: string; basePath: string }> = [];
  const spying = AGENCIES.map((a) => ({ ...a, createClient: (ctx: Parameters<typeof a.createClient>[0]) => { seen.push({ id: a.id, basePath: ctx.basePath }); return a.createClient(ctx); } }));
  const agencyConfigs: Record<string, unknown> = {
    ...config.agencies,
    psb: { ...config.agencies.psb, baseUrl: 'https://gw.example.gov.cn/psb/v2/' },
    nrp: { ...config.agencies.nrp, baseUrl: 'https://bdc.example.gov.cn' },
  };
  const hub = new ConnectorHub({ agencies: spying, agencyConfigs, config, keyer: createSubjectKeyer('k'.repeat(32)), log: pino({ level: 'silent' }) });
  t.same(seen.slice(0, 2), [{ id: 'psb', basePath: '/psb/v2' }, { id: 'nrp', basePath: '' }]);
  t.equal(seen.length, AGENCIES.length, 'every agency gets its client once');
  await hub.close();
});

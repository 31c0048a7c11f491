import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (the folder with package.json), whether running from src/ or dist/. */
export const PROJECT_ROOT: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
})();

export const SANDBOX_CONFIG = join(PROJECT_ROOT, 'src', 'config', 'sandbox.json');

/** The admission profiles the project ships (Qingdao's), which both example configs load. */
export const SHIPPED_PROFILES = join(PROJECT_ROOT, 'src', 'config', 'profiles.qingdao.json');

export function resolveFromCwd(path: string): string {
  return resolve(process.cwd(), path);
}

// Finds nginx for the deploy-config check (tests/e2e/deploy-nginx.spec.ts), which runs the real
// server on dist/ with deploy/nginx.conf. We look, in order, at:
//   1. NGINX_PATH, if set (it must exist: a wrong value is an error, not a silent skip);
//   2. `nginx` on PATH;
//   3. where packages put it but a normal user's PATH often does not reach (Debian: /usr/sbin).
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const SYSTEM = [
  '/usr/sbin/nginx',
  '/usr/local/sbin/nginx',
  '/usr/local/bin/nginx',
  '/opt/homebrew/bin/nginx',
];

/** @param {string} path */
const isExecutable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** @returns {string | undefined} the path of an nginx executable, or undefined if none */
export function findNginx() {
  const fromEnv = process.env.NGINX_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`NGINX_PATH=${fromEnv} is not an executable file`);
    return fromEnv;
  }
  const onPath = (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, 'nginx'));
  return [...onPath, ...SYSTEM].find(isExecutable);
}

// @ts-check
// Real nginx with deploy/nginx.conf, for the deploy-config check (tests/e2e/deploy-nginx.spec.ts)
// and for `npm run audit`, which measures the page as a host that compresses (as any CDN does)
// serves it. One implementation of finding nginx and starting it on a folder, for both; the
// nginx.conf it runs is written by scripts/nginx-config.mjs, which starts nothing.
// The audit serves over HTTPS with HTTP/2 by default (`{ tls: true }`), as every CDN does; the
// deploy test speaks plain HTTP/1.1, whose bytes it can read as sent.
//
// nginx is found, in order, at:
//   1. NGINX_PATH, if set (it must be an executable: a wrong value is an error, not a silent skip);
//   2. `nginx` on PATH;
//   3. where packages put it but a normal user's PATH often does not reach (Debian: /usr/sbin).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findExecutable, onPath } from './executable.mjs';
import { nginxBuild, nginxConfig, nginxFiles, tlsDirectives, versionOf } from './nginx-config.mjs';

const SYSTEM = [
  '/usr/sbin/nginx',
  '/usr/local/sbin/nginx',
  '/usr/local/bin/nginx',
  '/opt/homebrew/bin/nginx',
];

/** @returns {string | undefined} the path of an nginx executable, or undefined if none */
export function findNginx() {
  return findExecutable({ env: 'NGINX_PATH', candidates: [...onPath('nginx'), ...SYSTEM] });
}

/**
 * A running nginx started by {@link startNginx}.
 * @typedef {object} RunningNginx
 * @property {string} origin where it answers, e.g. "http://127.0.0.1:40123" or, with `tls`,
 *   "https://127.0.0.1:40123"
 * @property {() => Promise<void>} stop stops it and removes its temporary folder
 */

/**
 * A TCP port nobody listens on right now (the OS picks it), on 127.0.0.1.
 * @returns {Promise<number>}
 */
async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Whether something accepts TCP connections on 127.0.0.1:port.
 * @param {number} port
 * @returns {Promise<boolean>}
 */
function accepts(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * @param {import('node:child_process').ChildProcess} child
 * @returns {Promise<void>}
 */
function exited(child) {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * How {@link startNginx} serves.
 * @typedef {object} NginxOptions
 * @property {boolean} [tls] HTTPS with HTTP/2 (ALPN h2), with a throwaway self-signed certificate
 *   for 127.0.0.1 made by openssl in nginx's temporary folder; clients must ignore certificate
 *   errors (Chromium: `--ignore-certificate-errors`). Default: plain HTTP/1.1.
 */

/**
 * Makes a self-signed certificate for 127.0.0.1, valid one day, in `dir` (cert.pem, key.pem):
 * made afresh for each server, so no key is ever checked in or reused. An EC key: generated in
 * milliseconds, where RSA takes a noticeable fraction of a second.
 * @param {string} dir
 * @returns {{ certificate: string, key: string }}
 */
function makeCertificate(dir) {
  const certificate = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  const openssl = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      certificate,
    ],
    { encoding: 'utf8' },
  );
  if (openssl.error && 'code' in openssl.error && openssl.error.code === 'ENOENT') {
    throw new Error(
      'No openssl found: serving over HTTPS needs it to make a throwaway certificate. Install it ' +
        '(Debian/Ubuntu: `apt-get install openssl`; macOS has it), or serve plain HTTP/1.1 ' +
        '(`npm run audit -- --http1`).',
    );
  }
  if (openssl.status !== 0) {
    throw new Error(`openssl could not make a certificate:\n${openssl.error?.message ?? openssl.stderr}`);
  }
  return { certificate, key };
}

/**
 * Starts the real nginx ({@link findNginx}) with `serverBlock` as the one server in its http {}
 * context, the way a user's nginx.conf includes sites-enabled/: the machine's mime.types and
 * default_type, nothing else. Everything nginx writes (pid, logs, temporary files) goes to a
 * fresh temporary folder, so it needs no root and no /var paths, and runs in the foreground as
 * our child. Resolves once the port accepts connections; rejects with nginx's error log if it
 * stops first or does not listen within 10 s.
 * @param {string} serverBlock a `server { … }` block, e.g. deploy/nginx.conf
 * @param {string} root the folder to serve (replaces the block's `root` line)
 * @param {NginxOptions} [options]
 * @returns {Promise<RunningNginx>}
 */
export async function startNginx(serverBlock, root, { tls = false } = {}) {
  const found = findNginx();
  if (!found) {
    throw new Error('No nginx found: run `node scripts/ensure-test-tools.mjs`, or set NGINX_PATH');
  }
  const binary = found; // a string from here on, also inside startOn()
  // The build's own settings: where its mime.types lives, and which modules it has.
  const buildText = spawnSync(binary, ['-V'], { encoding: 'utf8' }).stderr;
  const build = nginxBuild(buildText);
  if (!existsSync(build.mimeTypes)) throw new Error(`${binary}: no mime.types beside ${build.confPath}`);
  if (tls && build.missingForTls.length > 0) {
    throw new Error(
      `${binary} was built without ${build.missingForTls.map((m) => `${m}_module`).join(' and ')}: HTTPS with HTTP/2 ` +
        'needs both (Debian: nginx-light has them), or serve plain HTTP/1.1 (`npm run audit -- --http1`)',
    );
  }

  const dir = mkdtempSync(join(tmpdir(), 'nginx-test-'));
  // Run as root (a CI container), nginx's workers drop to an unprivileged user that must reach
  // the folder nginx made for temporary files. (nginx's master reads the key before it drops.)
  chmodSync(dir, 0o755);
  /** @type {{ listen: string, http: string[] } | undefined} */
  let transport;
  if (tls) {
    try {
      const { certificate, key } = makeCertificate(dir);
      transport = tlsDirectives(versionOf(buildText), certificate, key);
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  // A free port is found by binding and releasing it, so another process may take it before nginx
  // binds it (parallel test workers each start an nginx). nginx then exits saying so, and it is
  // started again on another port; any other failure ends it at once.
  const attempts = 5;
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const started = await startOn(port);
    if (started.ok) return { origin: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`, stop: started.stop };
    if (!started.portTaken || attempt === attempts) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`nginx did not start on port ${port}:\n${started.log}`);
    }
  }

  /**
   * Starts nginx on `port`: started once its master has bound the port (it writes its pid file
   * after opening every listening socket) and accepts connections there.
   * @param {number} port
   * @returns {Promise<{ ok: true, stop: () => Promise<void> } | { ok: false, portTaken: boolean, log: string }>}
   */
  async function startOn(port) {
    const { conf, pid: pidFile, errorLog: logFile } = nginxFiles(dir);
    rmSync(logFile, { force: true });
    rmSync(pidFile, { force: true });
    writeFileSync(conf, nginxConfig({ serverBlock, root, port, dir, build, tls: transport }));

    // -p: relative paths (the temporary files) are under dir; -e: nginx's start-up log too, which
    // otherwise opens the compiled-in /var/log path before reading the configuration.
    const child = spawn(binary, ['-p', `${dir}/`, '-e', logFile, '-c', conf], {
      stdio: 'ignore', // everything it says goes to the error log
    });
    let spawnError = '';
    child.once('error', (error) => (spawnError = `${binary}: ${error.message}\n`));
    const errorLog = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
    const running = () => !spawnError && child.exitCode === null && child.signalCode === null;
    const stop = async () => {
      // SIGTERM: nginx's fast shutdown. The master takes its workers with it.
      // A child that never started (spawnError) never exits either.
      if (running()) {
        child.kill('SIGTERM');
        await exited(child);
      }
      rmSync(dir, { recursive: true, force: true });
    };

    const deadline = Date.now() + 10_000;
    while (!(running() && existsSync(pidFile) && (await accepts(port)) && running())) {
      if (!running() || Date.now() > deadline) {
        if (running()) {
          child.kill('SIGTERM');
          await exited(child);
        }
        const log = spawnError + errorLog();
        return { ok: false, portTaken: /Address already in use/.test(log), log };
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { ok: true, stop };
  }
}

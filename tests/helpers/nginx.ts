import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findNginx } from '../../scripts/nginx.mjs';

/** A running nginx started by {@link startNginx}. */
export interface RunningNginx {
  /** Where it answers, e.g. "http://127.0.0.1:40123". */
  origin: string;
  /** Stops it and removes its temporary folder. */
  stop(): Promise<void>;
}

/** One HTTP response, as nginx sent it: nothing decoded, nothing merged. */
export interface RawResponse {
  status: number;
  /** Header names in lower case; a header sent twice appears once, its values joined by ", ". */
  headers: Record<string, string>;
  /** Lower-case names of headers that were sent more than once. */
  repeated: string[];
  /** The body bytes as sent (still gzip when Content-Encoding says so). */
  body: Buffer;
}

/**
 * Points a server block at a test server: its one `listen` line and its one `root` line (the two
 * that deploy/nginx.conf marks for users to edit) are replaced. Throws if either is missing or
 * appears more than once, since then the file no longer matches what README.md tells users.
 * @param serverBlock the text of deploy/nginx.conf
 * @param listen e.g. "127.0.0.1:40123"
 * @param root an absolute folder, e.g. the project's dist/
 */
export function pointServerBlock(serverBlock: string, listen: string, root: string): string {
  let out = serverBlock;
  for (const [directive, value] of [
    ['listen', listen],
    ['root', root],
  ] as const) {
    const line = new RegExp(`^([ \\t]*)${directive}[ \\t][^;\\n]*;`, 'gm');
    const count = out.match(line)?.length ?? 0;
    if (count !== 1) {
      throw new Error(
        `deploy/nginx.conf: expected exactly one \`${directive} …;\` line (the one marked EDIT), found ${count}`,
      );
    }
    out = out.replace(line, `$1${directive} ${value};`);
  }
  return out;
}

/** A TCP port nobody listens on right now (the OS picks it), on 127.0.0.1. */
async function freePort(): Promise<number> {
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

/** Whether something accepts TCP connections on 127.0.0.1:port. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts the real nginx (see scripts/nginx.mjs) with `serverBlock` as the one server in its
 * http {} context, the way a user's nginx.conf includes sites-enabled/: the machine's mime.types
 * and default_type, nothing else. Everything nginx writes (pid, logs, temporary files) goes to a
 * fresh temporary folder, so it needs no root and no /var paths, and runs in the foreground as
 * our child. Resolves once the port accepts connections; rejects with nginx's error log if it
 * stops first or does not listen within 10 s.
 * @param serverBlock a `server { … }` block, e.g. deploy/nginx.conf
 * @param root the folder to serve (replaces the block's `root` line)
 */
export async function startNginx(serverBlock: string, root: string): Promise<RunningNginx> {
  const binary = findNginx();
  if (!binary) {
    throw new Error('No nginx found: run `node scripts/ensure-test-tools.mjs`, or set NGINX_PATH');
  }
  // The build's own settings: where its mime.types lives, and which modules it lacks (a
  // *_temp_path directive of a module that is not built in is a configuration error).
  const build = spawnSync(binary, ['-V'], { encoding: 'utf8' }).stderr;
  const confPath =
    /--conf-path=(\S+)/.exec(build)?.[1] ??
    `${/--prefix=(\S+)/.exec(build)?.[1] ?? '/usr/local/nginx'}/conf/nginx.conf`;
  const mimeTypes = join(dirname(confPath), 'mime.types');
  if (!existsSync(mimeTypes)) throw new Error(`${binary}: no mime.types beside ${confPath}`);
  const tempPaths = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .filter((module) => module === 'client_body' || !build.includes(`--without-http_${module}_module`))
    .map((module) => `${module}_temp_path ${module}_temp;`);

  const port = await freePort();
  const server = pointServerBlock(serverBlock, `127.0.0.1:${port}`, root);

  const dir = mkdtempSync(join(tmpdir(), 'nginx-test-'));
  // Run as root (a CI container), nginx's workers drop to an unprivileged user that must reach
  // the folder nginx made for temporary files.
  chmodSync(dir, 0o755);
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'error.log')} warn;`,
      'events { worker_connections 64; }',
      'http {',
      `include ${mimeTypes};`,
      'default_type application/octet-stream;',
      `access_log ${join(dir, 'access.log')};`,
      ...tempPaths,
      server,
      '}',
      '',
    ].join('\n'),
  );

  // -p: relative paths (the temporary files) are under dir; -e: nginx's start-up log too, which
  // otherwise opens the compiled-in /var/log path before reading the configuration.
  const child = spawn(binary, ['-p', `${dir}/`, '-e', join(dir, 'error.log'), '-c', conf], {
    stdio: 'ignore', // everything it says goes to the error log
  });
  let spawnError = '';
  child.once('error', (error) => (spawnError = `${binary}: ${error.message}\n`));
  const errorLog = () =>
    existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '';
  const stop = async () => {
    // SIGTERM: nginx's fast shutdown. The master takes its workers with it.
    // A child that never started (spawnError) never exits either.
    if (!spawnError && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited(child);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (spawnError || child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      const log = spawnError + errorLog();
      await stop();
      throw new Error(`nginx did not start on port ${port}:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { origin: `http://127.0.0.1:${port}`, stop };
}

/**
 * GET with node:http, which neither decodes the body nor adds an Accept-Encoding of its own, so
 * the test sees exactly what nginx sent.
 * @param url an absolute URL
 * @param gzip whether to send `Accept-Encoding: gzip` (as every browser does)
 */
export function rawGet(url: string, { gzip }: { gzip: boolean }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: gzip ? { 'accept-encoding': 'gzip' } : {}, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const names = res.rawHeaders.filter((_, i) => i % 2 === 0).map((name) => name.toLowerCase());
        const headers: Record<string, string> = {};
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i]!.toLowerCase();
          const value = res.rawHeaders[i + 1]!;
          headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
        }
        resolve({
          status: res.statusCode ?? 0,
          headers,
          repeated: [...new Set(names.filter((name, i) => names.indexOf(name) !== i))],
          body: Buffer.concat(chunks),
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

// @ts-check
// The nginx.conf that scripts/nginx.mjs starts nginx with, as text: deploy/nginx.conf's server
// block pointed at a test port and folder, in the http {} context a packaged nginx.conf gives it
// (mime.types and default_type), with every file nginx writes in one temporary folder. Pure: it
// reads what `nginx -V` printed and returns text, and starts no process and touches no file, so
// tests/unit/nginx-config.test.ts checks it without nginx.
import { dirname, join } from 'node:path';

/**
 * Points a server block at a test server: its one `listen` line and its one `root` line (the two
 * that deploy/nginx.conf marks for users to edit) are replaced. Throws if either is missing or
 * appears more than once, since then the file no longer matches what docs/deploying.md tells users.
 * @param {string} serverBlock the text of deploy/nginx.conf
 * @param {string} listen e.g. "127.0.0.1:40123"
 * @param {string} root an absolute folder, e.g. the project's dist/
 * @returns {string}
 */
export function pointServerBlock(serverBlock, listen, root) {
  let out = serverBlock;
  for (const [directive, value] of [
    ['listen', listen],
    ['root', root],
  ]) {
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

/**
 * What an nginx build says of itself in `nginx -V`, as far as its configuration depends on it.
 * @typedef {object} NginxBuild
 * @property {string} confPath the nginx.conf it was built to read, e.g. "/etc/nginx/nginx.conf"
 * @property {string} mimeTypes the mime.types beside it, e.g. "/etc/nginx/mime.types"
 * @property {string[]} tempPaths a `*_temp_path` directive for each module that has one and is
 *   built in (naming a module that is not is a configuration error), e.g.
 *   "proxy_temp_path proxy_temp;"
 * @property {string[]} missingForTls what HTTPS with HTTP/2 needs and the build lacks, e.g.
 *   ["http_v2"]; empty when it has both
 */

/**
 * Reads `nginx -V`'s output (its stderr): where the build's mime.types lives and which modules
 * it has.
 * @param {string} build the text `nginx -V` prints
 * @returns {NginxBuild}
 */
export function nginxBuild(build) {
  const confPath =
    /--conf-path=(\S+)/.exec(build)?.[1] ??
    `${/--prefix=(\S+)/.exec(build)?.[1] ?? '/usr/local/nginx'}/conf/nginx.conf`;
  return {
    confPath,
    mimeTypes: join(dirname(confPath), 'mime.types'),
    tempPaths: ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
      .filter((module) => module === 'client_body' || !build.includes(`--without-http_${module}_module`))
      .map((module) => `${module}_temp_path ${module}_temp;`),
    missingForTls: ['http_ssl', 'http_v2'].filter((module) => !build.includes(`--with-${module}_module`)),
  };
}

/**
 * nginx's version from its `-V` output, e.g. [1, 22, 1].
 * @param {string} build the text `nginx -V` prints
 * @returns {number[]}
 */
export function versionOf(build) {
  const match = /nginx version: [^/\s]+\/(\d+)\.(\d+)\.(\d+)/.exec(build);
  if (!match) throw new Error(`nginx -V: no version in ${JSON.stringify(build.split('\n')[0])}`);
  return match.slice(1).map(Number);
}

/**
 * What a server block needs to speak HTTPS with HTTP/2 on this nginx: the `listen` parameters and
 * the http {}-level directives. nginx 1.25.1 replaced `listen … http2` (deprecated there, with a
 * warning) by the `http2 on;` directive, which older versions reject.
 * @param {number[]} version nginx's version, e.g. [1, 22, 1]
 * @param {string} certificate path of the certificate (PEM)
 * @param {string} key path of its private key (PEM)
 * @returns {{ listen: string, http: string[] }}
 */
export function tlsDirectives(version, certificate, key) {
  const [major = 0, minor = 0, patch = 0] = version;
  const hasHttp2Directive = major * 1e6 + minor * 1e3 + patch >= 1_025_001;
  return {
    listen: hasHttp2Directive ? 'ssl' : 'ssl http2',
    http: [
      `ssl_certificate ${certificate};`,
      `ssl_certificate_key ${key};`,
      ...(hasHttp2Directive ? ['http2 on;'] : []),
    ],
  };
}

/**
 * The files of one test nginx, all in its temporary folder `dir`.
 * @param {string} dir
 * @returns {{ conf: string, pid: string, errorLog: string, accessLog: string }}
 */
export function nginxFiles(dir) {
  return {
    conf: join(dir, 'nginx.conf'),
    pid: join(dir, 'nginx.pid'),
    errorLog: join(dir, 'error.log'),
    accessLog: join(dir, 'access.log'),
  };
}

/**
 * How {@link nginxConfig} builds a configuration.
 * @typedef {object} ConfigOptions
 * @property {string} serverBlock a `server { … }` block, e.g. deploy/nginx.conf
 * @property {string} root the folder to serve (replaces the block's `root` line)
 * @property {number} port the port on 127.0.0.1 (replaces the block's `listen` line)
 * @property {string} dir nginx's temporary folder: pid file, logs (see {@link nginxFiles})
 * @property {NginxBuild} build the nginx it is for ({@link nginxBuild})
 * @property {{ listen: string, http: string[] } | undefined} [tls] HTTPS with HTTP/2
 *   ({@link tlsDirectives}); plain HTTP/1.1 without
 */

/**
 * A whole nginx.conf that runs `serverBlock` as the one server in its http {} context, the way a
 * user's nginx.conf includes sites-enabled/: the machine's mime.types and default_type, nothing
 * else; in the foreground (as the caller's child), one worker, every file it writes under `dir`.
 * The TLS lines wrap the block from outside (its listen line gets `ssl`, the certificate is set
 * for the whole http {} context), so the site's headers and gzip stay in that one file.
 * @param {ConfigOptions} options
 * @returns {string}
 */
export function nginxConfig({ serverBlock, root, port, dir, build, tls }) {
  const transport = tls ?? { listen: '', http: [] };
  const files = nginxFiles(dir);
  const server = pointServerBlock(serverBlock, `127.0.0.1:${port} ${transport.listen}`.trim(), root);
  return [
    'daemon off;',
    'worker_processes 1;',
    `pid ${files.pid};`,
    `error_log ${files.errorLog} warn;`,
    'events { worker_connections 64; }',
    'http {',
    `include ${build.mimeTypes};`,
    'default_type application/octet-stream;',
    `access_log ${files.accessLog};`,
    ...build.tempPaths,
    ...transport.http,
    server,
    '}',
    '',
  ].join('\n');
}

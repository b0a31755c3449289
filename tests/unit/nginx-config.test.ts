import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  nginxBuild,
  nginxConfig,
  nginxFiles,
  pointServerBlock,
  tlsDirectives,
  versionOf,
} from '../../scripts/nginx-config.mjs';

/** What Debian 12's nginx 1.22.1 prints for `nginx -V` (on stderr), cut to the arguments read. */
const DEBIAN = [
  'nginx version: nginx/1.22.1',
  'built with OpenSSL 3.0.22 25 Aug 2026 (running with OpenSSL 3.0.19 27 Jan 2026)',
  'TLS SNI support enabled',
  "configure arguments: --with-cc-opt='-g -O2 -fPIC' --prefix=/usr/share/nginx " +
    '--conf-path=/etc/nginx/nginx.conf --http-log-path=/var/log/nginx/access.log --error-log-path=stderr ' +
    '--with-compat --with-debug --with-pcre-jit --with-http_ssl_module --with-http_stub_status_module ' +
    '--with-http_realip_module --with-http_v2_module --with-http_gzip_static_module --with-threads',
  '',
].join('\n');

/** A server block shaped like deploy/nginx.conf: one listen and one root line, indented. */
const BLOCK = [
  'server {',
  '    # EDIT 1 of 2',
  '    listen 80;',
  '    # EDIT 2 of 2',
  '    root /var/www/site/dist;',
  '    index index.html;',
  '}',
].join('\n');

describe('pointServerBlock', () => {
  it('points the listen and root lines at the test server, keeping their indentation', () => {
    const pointed = pointServerBlock(BLOCK, '127.0.0.1:40123', '/tmp/dist/');

    expect(pointed.split('\n')).toEqual([
      'server {',
      '    # EDIT 1 of 2',
      '    listen 127.0.0.1:40123;',
      '    # EDIT 2 of 2',
      '    root /tmp/dist/;',
      '    index index.html;',
      '}',
    ]);
  });

  it('rejects a block with a second listen line, naming the directive and the count', () => {
    const twice = BLOCK.replace('    listen 80;', '    listen 80;\n    listen [::]:80;');

    expect(() => pointServerBlock(twice, '127.0.0.1:1', '/d')).toThrowErrorMatchingInlineSnapshot(
      `[Error: deploy/nginx.conf: expected exactly one \`listen …;\` line (the one marked EDIT), found 2]`,
    );
  });

  it('rejects a block without a root line', () => {
    const rootless = BLOCK.replace('    root /var/www/site/dist;\n', '');

    expect(() => pointServerBlock(rootless, '127.0.0.1:1', '/d')).toThrow(
      /expected exactly one `root …;` line .*found 0/,
    );
  });

  it('finds exactly one listen and one root line in deploy/nginx.conf', () => {
    const deployed = readFileSync(new URL('../../deploy/nginx.conf', import.meta.url), 'utf8');

    const pointed = pointServerBlock(deployed, '127.0.0.1:40123', '/tmp/dist/');

    expect(pointed).toMatch(/^\s*listen 127\.0\.0\.1:40123;$/m);
    expect(pointed).toMatch(/^\s*root \/tmp\/dist\/;$/m);
  });
});

describe('nginxBuild', () => {
  it("reads Debian's build: mime.types beside its nginx.conf, every temp path, HTTPS with HTTP/2 possible", () => {
    const build = nginxBuild(DEBIAN);

    expect(build).toEqual({
      confPath: '/etc/nginx/nginx.conf',
      mimeTypes: '/etc/nginx/mime.types',
      tempPaths: [
        'client_body_temp_path client_body_temp;',
        'proxy_temp_path proxy_temp;',
        'fastcgi_temp_path fastcgi_temp;',
        'uwsgi_temp_path uwsgi_temp;',
        'scgi_temp_path scgi_temp;',
      ],
      missingForTls: [],
    });
  });

  it('leaves out the temp path of every module the build is without (naming one is an error)', () => {
    const light = `${DEBIAN} --without-http_uwsgi_module --without-http_scgi_module`;

    expect(nginxBuild(light).tempPaths).toEqual([
      'client_body_temp_path client_body_temp;',
      'proxy_temp_path proxy_temp;',
      'fastcgi_temp_path fastcgi_temp;',
    ]);
  });

  it('looks for mime.types under the prefix without a --conf-path, and under /usr/local/nginx without either', () => {
    const prefixed = nginxBuild('nginx version: nginx/1.27.0\nconfigure arguments: --prefix=/opt/nginx');
    const bare = nginxBuild('nginx version: nginx/1.27.0\nconfigure arguments:');

    expect(prefixed.mimeTypes).toBe('/opt/nginx/conf/mime.types');
    expect(bare.mimeTypes).toBe('/usr/local/nginx/conf/mime.types');
  });

  it('names the modules HTTPS with HTTP/2 needs and the build lacks', () => {
    const plain = 'nginx version: nginx/1.22.1\nconfigure arguments: --with-http_gzip_static_module';

    expect(nginxBuild(plain).missingForTls).toEqual(['http_ssl', 'http_v2']);
  });
});

describe('versionOf', () => {
  it('reads the version from the first line', () => {
    expect(versionOf(DEBIAN)).toEqual([1, 22, 1]);
  });

  it('rejects output without a version, quoting its first line', () => {
    expect(() => versionOf('nginx: invalid option: "V"\n')).toThrowErrorMatchingInlineSnapshot(
      `[Error: nginx -V: no version in "nginx: invalid option: \\"V\\""]`,
    );
  });
});

describe('tlsDirectives', () => {
  it('puts http2 on the listen line before nginx 1.25.1', () => {
    expect(tlsDirectives([1, 25, 0], '/t/cert.pem', '/t/key.pem')).toEqual({
      listen: 'ssl http2',
      http: ['ssl_certificate /t/cert.pem;', 'ssl_certificate_key /t/key.pem;'],
    });
  });

  it('uses the http2 directive from nginx 1.25.1, which deprecates the listen parameter', () => {
    expect(tlsDirectives([1, 25, 1], '/t/cert.pem', '/t/key.pem')).toEqual({
      listen: 'ssl',
      http: ['ssl_certificate /t/cert.pem;', 'ssl_certificate_key /t/key.pem;', 'http2 on;'],
    });
  });
});

describe('nginxConfig', () => {
  const dir = '/tmp/nginx-test-x';
  const build = nginxBuild(DEBIAN);

  it('runs the block as the one server of a foreground nginx that writes only into its folder', () => {
    const config = nginxConfig({ serverBlock: BLOCK, root: '/srv/dist/', port: 40123, dir, build });

    expect(config).toBe(
      [
        'daemon off;',
        'worker_processes 1;',
        'pid /tmp/nginx-test-x/nginx.pid;',
        'error_log /tmp/nginx-test-x/error.log warn;',
        'events { worker_connections 64; }',
        'http {',
        'include /etc/nginx/mime.types;',
        'default_type application/octet-stream;',
        'access_log /tmp/nginx-test-x/access.log;',
        'client_body_temp_path client_body_temp;',
        'proxy_temp_path proxy_temp;',
        'fastcgi_temp_path fastcgi_temp;',
        'uwsgi_temp_path uwsgi_temp;',
        'scgi_temp_path scgi_temp;',
        'server {',
        '    # EDIT 1 of 2',
        '    listen 127.0.0.1:40123;',
        '    # EDIT 2 of 2',
        '    root /srv/dist/;',
        '    index index.html;',
        '}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('wraps the block for HTTPS from outside: ssl on its listen line, the certificate in http {}', () => {
    const tls = tlsDirectives(versionOf(DEBIAN), `${dir}/cert.pem`, `${dir}/key.pem`);

    const lines = nginxConfig({ serverBlock: BLOCK, root: '/srv/dist/', port: 40443, dir, build, tls }).split(
      '\n',
    );

    expect(lines).toContain('    listen 127.0.0.1:40443 ssl http2;');
    const server = lines.indexOf('server {');
    expect(lines.indexOf(`ssl_certificate ${dir}/cert.pem;`)).toBeGreaterThan(lines.indexOf('http {'));
    expect(lines.indexOf(`ssl_certificate ${dir}/cert.pem;`)).toBeLessThan(server);
    expect(lines.indexOf(`ssl_certificate_key ${dir}/key.pem;`)).toBeLessThan(server);
  });

  it('names the files it writes after the folder, as the process that reads them expects', () => {
    const config = nginxConfig({ serverBlock: BLOCK, root: '/srv/dist/', port: 1, dir, build });
    const files = nginxFiles(dir);

    expect(config).toContain(`pid ${files.pid};`);
    expect(config).toContain(`error_log ${files.errorLog} warn;`);
    expect(config).toContain(`access_log ${files.accessLog};`);
  });
});

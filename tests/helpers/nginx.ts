import { request } from 'node:http';

// nginx itself (finding it, starting and stopping it) lives in scripts/nginx.mjs, and the
// configuration it runs (deploy/nginx.conf pointed at a port and a folder) in
// scripts/nginx-config.mjs, both shared with `npm run audit`; this file adds what only the tests
// need: a client that shows the bytes as nginx sent them.
export { pointServerBlock } from '../../scripts/nginx-config.mjs';
export { startNginx, type RunningNginx } from '../../scripts/nginx.mjs';

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

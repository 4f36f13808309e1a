import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';

/**
 * Serves a built site folder on 127.0.0.1 only (never on other interfaces). Port 0 picks a free port, which the
 * browser tests use so that runs never collide.
 */
export async function serveStatic(root: string, port = 4321): Promise<{ server: Server; url: string }> {
  const files = sirv(root, { dev: false, etag: true, gzip: false, brotli: false, extensions: ['html'] });
  let notFound: Buffer | undefined;
  try {
    notFound = readFileSync(join(root, '404.html'));
  } catch {
    notFound = undefined;
  }
  const server = createServer((req, res) => {
    files(req, res, () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(notFound ?? 'Not found');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return { server, url: `http://127.0.0.1:${actualPort}` };
}

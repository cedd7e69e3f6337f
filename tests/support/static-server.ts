/**
 * The simplest static host: files from a folder under a base path, no
 * rewrites, `index.html` for folders, `404.html` for anything missing. If the
 * site works here, it works on GitHub Pages, Netlify or a plain bucket.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

async function isFile(file: string) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

export interface StaticSite {
  server: Server;
  /** e.g. http://127.0.0.1:4711/annotated/ */
  url: string;
  close(): Promise<void>;
}

export async function serveStatic(dir: string, base = '/'): Promise<StaticSite> {
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file: string | undefined;
    if (pathname.startsWith(base)) {
      const relative = pathname.slice(base.length);
      const candidate = path.join(dir, relative);
      if (candidate.startsWith(dir)) {
        if (await isFile(candidate)) file = candidate;
        else if (await isFile(path.join(candidate, 'index.html'))) file = path.join(candidate, 'index.html');
      }
    }
    const status = file ? 200 : 404;
    file ??= path.join(dir, '404.html');
    if (!(await isFile(file))) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(status, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    server,
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

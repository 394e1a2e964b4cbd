/**
 * The server of `lede serve` (Node's own http module): it serves its page, the
 * page's style and script, and the browser build, nothing else. Every other path,
 * whatever its dots, slashes or escapes, is 404; only GET and HEAD are answered.
 * Bound to a loopback address, it also refuses requests whose Host header names
 * another host (a page elsewhere that rebinds its DNS name to 127.0.0.1).
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { packageRoot } from '../node/data-dir.js';
import { PAGE_STYLE, pageContentSecurityPolicy, pageHtml } from './page.js';

export interface ServeOptions {
  port: number;
  host: string;
}

export interface RunningServer {
  /** The page's address, e.g. http://127.0.0.1:4173/ */
  url: string;
  port: number;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/** A file the server answers with. */
interface Asset {
  type: string;
  body: Buffer;
  headers?: Record<string, string>;
}

/** A failure to start, with what to do: the CLI shows it as a usage error. */
export class ServeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServeError';
  }
}

const SAMPLE_PUBLISHED_AT = '2025-03-14';

function readDist(name: string): Buffer {
  const path = join(packageRoot(), 'dist', name);
  if (!existsSync(path)) throw new ServeError(`lede serve: ${path} is missing; build lede first (npm run build), or reinstall the package.`);
  return readFileSync(path);
}

/** The server's files, by exact path. */
function assets(): Map<string, Asset> {
  const sample = readFileSync(join(packageRoot(), 'samples', 'sample-article.txt'), 'utf8');
  const javascript = 'text/javascript; charset=utf-8';
  return new Map<string, Asset>([
    ['/', { type: 'text/html; charset=utf-8', body: Buffer.from(pageHtml(sample, SAMPLE_PUBLISHED_AT)), headers: { 'Content-Security-Policy': pageContentSecurityPolicy() } }],
    ['/app.css', { type: 'text/css; charset=utf-8', body: Buffer.from(PAGE_STYLE) }],
    ['/app.js', { type: javascript, body: readDist('serve-app.js') }],
    ['/browser.js', { type: javascript, body: readDist('browser.js') }],
  ]);
}

const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The host part of a Host header ('127.0.0.1:4173' -> '127.0.0.1', '[::1]:80' -> '[::1]'). */
function hostOf(header: string | undefined): string {
  if (header === undefined) return '';
  const match = /^(\[[^\]]*\]|[^:]*)(?::\d+)?$/.exec(header.trim().toLowerCase());
  return match ? match[1]! : '';
}

function answer(response: ServerResponse, status: number, type: string, body: Buffer | string, head: boolean, headers: Record<string, string> = {}): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  response.writeHead(status, { ...COMMON_HEADERS, ...headers, 'Content-Type': type, 'Content-Length': String(bytes.length) });
  response.end(head ? undefined : bytes);
}

function handler(files: Map<string, Asset>, checkHost: boolean) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const head = request.method === 'HEAD';
    if (request.method !== 'GET' && !head) {
      answer(response, 405, 'text/plain; charset=utf-8', 'lede serve answers GET and HEAD only.\n', false, { Allow: 'GET, HEAD' });
      return;
    }
    if (checkHost && !isLoopback(hostOf(request.headers.host))) {
      answer(response, 421, 'text/plain; charset=utf-8', 'lede serve answers requests for this machine only (Host: 127.0.0.1 or localhost).\n', head);
      return;
    }
    const url = request.url ?? '';
    const query = url.indexOf('?');
    const asset = files.get(query < 0 ? url : url.slice(0, query));
    if (!asset) {
      answer(response, 404, 'text/plain; charset=utf-8', 'Not found: lede serve has only its page (/).\n', head);
      return;
    }
    answer(response, 200, asset.type, asset.body, head, asset.headers);
  };
}

/** Starts the server; a port in use, a host that is not this machine's or a missing build is a ServeError. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const files = assets();
  const server: Server = createServer(handler(files, isLoopback(options.host)));
  server.keepAliveTimeout = 2000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const where = `${options.host}:${options.port}`;
      if (error.code === 'EADDRINUSE') reject(new ServeError(`lede serve: port ${options.port} on ${options.host} is already in use; stop what uses it, or choose another port with --port N (--port 0 picks a free one).`));
      else if (error.code === 'EACCES') reject(new ServeError(`lede serve: not allowed to listen on ${where}; choose a port above 1023 with --port N.`));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') reject(new ServeError(`lede serve: ${options.host} is not an address of this machine; use --host 127.0.0.1 (the default) or one of its own addresses.`));
      else reject(error);
    });
    server.listen(options.port, options.host, () => resolve());
  });
  const { port, address, family } = server.address() as AddressInfo;
  const shown = family === 'IPv6' ? `[${address}]` : address;
  return {
    url: `http://${shown}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiError } from '../../shared/contract';
import type { Backend } from '../backend';
import { SESSION_HEADER } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../backend/csp';
import { decodePath, rendererFile } from '../backend/renderer-files';

/**
 * Browser mode's transport: the built renderer and the handler table over HTTP, on loopback only.
 * A random token per launch guards the API; Host and Origin checks stop DNS rebinding and other sites.
 */
export interface HostOptions {
  /** Read on every request: a restore over a damaged database swaps it. */
  backend: () => Backend;
  /** The built renderer (out/renderer). */
  staticDir: string;
  bind?: string;
  port?: number;
  token?: string;
  maxBodyBytes?: number;
}

export interface Host {
  url: string;
  /** The URL to open: it hands the token to the page in the fragment, which never reaches a server log. */
  launchUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export class NonLoopbackBindError extends Error {
  constructor(bind: string) {
    super(`refusing to listen on ${bind}: the console's host binds to loopback (127.0.0.1) only`);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(JSON.stringify(body));
}

function refuse(res: ServerResponse, status: number, code: ApiError['code'], message: string) {
  sendJson(res, status, { ok: false, error: { code, message, key: `errors.${code}` } });
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startHost(options: HostOptions): Promise<Host> {
  const requested = options.bind ?? '127.0.0.1';
  if (!LOOPBACK.has(requested)) throw new NonLoopbackBindError(requested);
  const bind = requested === 'localhost' ? '127.0.0.1' : requested;
  const token = options.token ?? randomBytes(32).toString('base64url');
  const maxBody = options.maxBodyBytes ?? 20 * 1024 * 1024;
  let allowedHosts = new Set<string>();

  const serveStatic = (pathname: string, res: ServerResponse) => {
    const found = rendererFile(options.staticDir, pathname);
    if (!found.ok) {
      const code = found.status === 400 ? 'invalid_input' : 'not_found';
      return refuse(res, found.status, code, found.message);
    }
    const { file, size, type, shell: isShell } = found;
    res.writeHead(200, {
      'content-type': type,
      'content-length': size,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cache-control': isShell ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    createReadStream(file).pipe(res);
  };

  const server = createServer(async (req, res) => {
    try {
      if (!allowedHosts.has(req.headers.host ?? '')) {
        return refuse(res, 403, 'forbidden', 'unexpected Host header');
      }
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
        return refuse(res, 403, 'forbidden', 'unexpected Origin');
      }
      const url = URL.parse(req.url ?? '/', 'http://host');
      if (!url) return refuse(res, 400, 'invalid_input', 'malformed path');
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return refuse(res, 405, 'invalid_input', 'use POST');
        const auth = req.headers.authorization;
        if (!sameToken(auth?.startsWith('Bearer ') ? auth.slice(7) : undefined, token)) {
          return refuse(res, 401, 'unauthorized', 'missing or wrong token');
        }
        if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return refuse(res, 415, 'invalid_input', 'send application/json');
        }
        const declared = Number(req.headers['content-length'] ?? 0);
        const body = declared > maxBody ? null : await readBody(req, maxBody);
        if (body === null) {
          // The rest of the body stays unread, so this connection cannot carry another request.
          res.setHeader('connection', 'close');
          return refuse(res, 413, 'invalid_input', 'request too large');
        }
        let input: unknown;
        try {
          input = body === '' ? {} : JSON.parse(body);
        } catch {
          return refuse(res, 400, 'invalid_input', 'body is not JSON');
        }
        const channel = decodePath(url.pathname.slice('/api/'.length));
        if (channel === null) return refuse(res, 400, 'invalid_input', 'malformed path');
        // The launch token admits the page; the session header says which user is signed in.
        const session = req.headers[SESSION_HEADER];
        const result = await options
          .backend()
          .call(channel, input, typeof session === 'string' ? session : null);
        return sendJson(res, 200, result);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return refuse(res, 405, 'invalid_input', 'method not allowed');
      serveStatic(url.pathname, res);
    } catch (error) {
      console.error('host request failed', error);
      if (!res.headersSent) refuse(res, 500, 'internal', 'internal error');
      else res.end();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, bind, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  const url = `http://${bind === '::1' ? '[::1]' : '127.0.0.1'}:${port}`;
  return {
    url,
    launchUrl: `${url}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

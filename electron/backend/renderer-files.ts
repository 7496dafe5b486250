import { statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

/**
 * The built renderer's files as both shells serve them (browser mode's loopback host, Electron's
 * app:// protocol): a URL path decoded safely, kept inside the folder, with its content type.
 */
export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export type RendererFile =
  | { ok: true; file: string; size: number; type: string; shell: boolean }
  | { ok: false; status: 400 | 404; message: string };

// eslint-disable-next-line no-control-regex -- a path with a control character (NUL …) is malformed
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A percent-encoded path segment decoded, or null when it is malformed: broken UTF-8 such as
 * `%E0%A4%A` or `%C0%AF`, or a control character such as `%00`, which no file name holds.
 */
export function decodePath(encoded: string): string | null {
  try {
    const decoded = decodeURIComponent(encoded);
    return CONTROL.test(decoded) ? null : decoded;
  } catch {
    return null;
  }
}

/** The file a URL path names; paths the renderer routes itself get the app shell (index.html). */
export function rendererFile(root: string, pathname: string): RendererFile {
  const decoded = decodePath(pathname);
  if (decoded === null) return { ok: false, status: 400, message: 'malformed path' };
  const base = normalize(root);
  let file = normalize(join(base, decoded));
  if (file !== base && !file.startsWith(base + sep)) {
    return { ok: false, status: 404, message: 'not found' };
  }
  let stat = statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) {
    file = join(base, 'index.html');
    stat = statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) {
      return { ok: false, status: 404, message: 'renderer not built: run npm run build' };
    }
  }
  return {
    ok: true,
    file,
    size: stat.size,
    type: MIME[extname(file)] ?? 'application/octet-stream',
    shell: file.endsWith('index.html'),
  };
}

import { readFile } from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY } from '../backend/csp';
import { rendererFile } from '../backend/renderer-files';
import { APP_HOST, APP_SCHEME } from './security';

/**
 * The app:// protocol's answer to one request: a file of the built renderer, with the same
 * headers browser mode's host sends, or a refusal. Plain fetch API types, so it is unit-tested
 * without Electron; main/index.ts hands it to protocol.handle.
 */
export async function appProtocolResponse(url: string, rendererDir: string): Promise<Response> {
  const target = URL.parse(url);
  if (!target || target.protocol !== `${APP_SCHEME}:` || target.host !== APP_HOST) {
    return new Response('not found', { status: 404 });
  }
  const found = rendererFile(rendererDir, target.pathname);
  if (!found.ok) return new Response(found.message, { status: found.status });
  return new Response(new Uint8Array(await readFile(found.file)), {
    headers: {
      'content-type': found.type,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
  });
}

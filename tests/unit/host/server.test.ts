import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHost, type Host } from '../../../electron/host/server';
import { SESSION_HEADER } from '../../../shared/contract';
import { tempStore, type TestStore } from '../../helpers/store';

let t: TestStore;
let host: Host;

/** Raw HTTP, so tests can send the headers a browser would never let a page forge. */
function send(
  path: string,
  {
    method = 'POST',
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const api = (channel: string, input: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${channel}`, {
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${host.token}`,
      [SESSION_HEADER]: session,
      ...headers,
    },
    body: JSON.stringify(input),
  });
let session = '';

beforeAll(async () => {
  t = await tempStore();
  const staticDir = join(t.dir, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(t.dir, 'secret.txt'), 'secret');
  host = await startHost({ backend: () => t.backend, staticDir });
  const setup = await api('accounts.setup', {
    username: 'admin',
    displayName: '管理员',
    password: 'correct horse',
  });
  session = (JSON.parse(setup.text) as { value: { token: string } }).value.token;
});
afterAll(async () => {
  await host.close();
  await t.close();
});

describe('the loopback host', () => {
  it('listens on 127.0.0.1 and hands the token over in the URL fragment', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.launchUrl).toBe(`${host.url}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('answers a call with the right token', async () => {
    const res = await api('org.teams.create', { name: '客服一组' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ ok: true, value: { name: '客服一组' } });
  });

  it('refuses a call without the token, or with a wrong one, and writes nothing', async () => {
    const before = t.digest();
    const none = await send('/api/org.teams.create', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '偷偷建的组' }),
    });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.text)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const wrong = await api(
      'org.teams.create',
      { name: '偷偷建的组' },
      { authorization: `Bearer ${'x'.repeat(43)}` },
    );
    expect(wrong.status).toBe(401);
    expect(t.digest()).toBe(before);
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    const rebinding = await api('org.teams.list', {}, { host: `evil.example:${host.port}` });
    expect(rebinding.status).toBe(403);
    const crossSite = await api('org.teams.list', {}, { origin: 'http://evil.example' });
    expect(crossSite.status).toBe(403);
    const ownOrigin = await api('org.teams.list', {}, { origin: host.url });
    expect(ownOrigin.status).toBe(200);
  });

  it('knows the signed-in user by the session header, and nobody without it', async () => {
    expect(JSON.parse((await api('accounts.status', {})).text)).toMatchObject({
      value: { user: { username: 'admin' } },
    });
    const anonymous = await api('org.teams.list', {}, { [SESSION_HEADER]: '' });
    expect(JSON.parse(anonymous.text)).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    const forged = await api('org.teams.list', {}, { [SESSION_HEADER]: 'forged' });
    expect(JSON.parse(forged.text)).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', key: 'errors.sessionExpired' },
    });
  });

  it('returns validation errors as data', async () => {
    const res = await api('org.staff.create', { employeeNo: '', name: '王芳', position: 'agent' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'employeeNo' },
    });
  });

  it('refuses non-JSON bodies, other methods and oversized requests', async () => {
    const auth = { authorization: `Bearer ${host.token}` };
    expect(
      (
        await send('/api/org.teams.list', {
          headers: { ...auth, 'content-type': 'application/json' },
          body: '{',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await send('/api/org.teams.list', {
          headers: { ...auth, 'content-type': 'text/plain' },
          body: '{}',
        })
      ).status,
    ).toBe(415);
    expect((await send('/api/org.teams.list', { method: 'GET', headers: auth })).status).toBe(405);
    const big = await send('/api/org.teams.list', {
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ pad: 'x'.repeat(21 * 1024 * 1024) }),
    }).catch(() => ({ status: 413 }));
    expect(big.status).toBe(413);
  });

  it('serves the renderer with a Content-Security-Policy, and nothing outside it', async () => {
    const shell = await send('/', { method: 'GET' });
    expect(shell.status).toBe(200);
    expect(String(shell.headers['content-security-policy'])).toContain("script-src 'self'");
    expect((await send('/assets/app.js', { method: 'GET' })).text).toBe('console.log(1)');
    // Client-side routes fall back to the shell; paths out of the folder never leave it.
    expect((await send('/roster', { method: 'GET' })).text).toContain('<title>console</title>');
    const escape = await send('/..%2fsecret.txt', { method: 'GET' });
    expect(escape.text).not.toContain('secret');
  });

  it('answers malformed paths with 400, never a 500 or a stack trace', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      for (const path of ['/%00', '/%E0%A4%A', '/assets/%E0%A4%A', '/%C0%AF', '/a%00.js']) {
        const res = await send(path, { method: 'GET' });
        expect(res.status, path).toBe(400);
        expect(JSON.parse(res.text), path).toMatchObject({
          ok: false,
          error: { code: 'invalid_input' },
        });
        expect(res.text, path).not.toMatch(/at |Error:/);
      }
      const api = await send('/api/org.teams.%E0%A4%A', {
        headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(api.status).toBe(400);
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it('refuses to bind anywhere but loopback', async () => {
    for (const bind of ['0.0.0.0', '192.168.1.10', '::']) {
      await expect(startHost({ backend: () => t.backend, staticDir: t.dir, bind })).rejects.toThrow(
        /loopback/,
      );
    }
  });
});

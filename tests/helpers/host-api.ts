import { SESSION_HEADER, type Result } from '../../shared/contract';

/**
 * One backend call over a running console's loopback host, as the page makes it: the launch
 * URL (with its `#token=`) the console printed, and the signed-in session if any.
 */
export async function callHost(launchUrl: string, channel: string, input: unknown, session = '') {
  const [url, token] = launchUrl.split('/#token=') as [string, string];
  const response = await fetch(`${url}/api/${channel}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      [SESSION_HEADER]: session,
    },
    body: JSON.stringify(input),
  });
  return (await response.json()) as Result<unknown>;
}

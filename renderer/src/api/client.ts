import type { ApiError, Channel, Input, Output, Result } from '../../../shared/contract';
import { ApiFailure, SESSION_HEADER } from '../../../shared/contract/errors';
import { channelAccess } from './access';

/**
 * The renderer's one way to the backend. It does not know its transport: the Electron preload's
 * bridge when present, else the loopback host with the launch token.
 */
interface Bridge {
  invoke(channel: string, input: unknown, session: string | null): Promise<unknown>;
  /** Electron only: saves the page's print view as a PDF where the user chooses. */
  printToPdf?(fileName: string): Promise<{ saved: boolean }>;
}

declare global {
  interface Window {
    supervisorConsole?: Bridge;
  }
}

const TOKEN_KEY = 'supervisor-console.token';

/** Browser mode opens the page with #token=…; keep it for this tab and take it out of the address bar. */
function hostToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    // Keep a page route that came with it (#/roster&token=…), drop the token from sight.
    const rest = window.location.hash.replace(match[0], '').replace(/^#?&?/, '');
    history.replaceState(
      null,
      '',
      window.location.pathname + window.location.search + (rest ? `#${rest}` : ''),
    );
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

const transportError = (message: string): Result<never> => ({
  ok: false,
  error: { code: 'internal', message, key: 'errors.transport' },
});

function httpTransport(): Bridge {
  const token = hostToken();
  return {
    async invoke(channel, input, session) {
      try {
        const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token ?? ''}`,
            ...(session ? { [SESSION_HEADER]: session } : {}),
          },
          body: JSON.stringify(input ?? {}),
        });
        return await response.json();
      } catch (error) {
        return transportError(String(error));
      }
    },
  };
}

const bridge: Bridge = window.supervisorConsole ?? httpTransport();

/** The signed-in session: set by the session store, sent with every call. */
let sessionToken: string | null = null;
let onSessionLost: (error: ApiError) => void = () => {};

export function setSessionToken(token: string | null, lost: (error: ApiError) => void) {
  sessionToken = token;
  onSessionLost = lost;
}

export const api = {
  async call<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>> {
    const result = (await bridge.invoke(channel, input, sessionToken)) as Result<Output<C>>;
    // A session that expired (idle, or ended by an admin) sends the desk back to sign-in.
    if (!result.ok && result.error.code === 'unauthorized' && !channelAccess[channel].public) {
      onSessionLost(result.error);
    }
    return result;
  },
  /** For code that wants the value or an exception carrying the ApiError. */
  async get<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
    const result = await api.call(channel, input);
    if (!result.ok) throw new ApiFailure(result.error);
    return result.value;
  },
};

export function errorOf(error: unknown): ApiError {
  if (error instanceof ApiFailure) return error.error;
  return { code: 'internal', message: String(error), key: 'errors.internal' };
}

import {
  ApiFailure,
  type ApiError,
  type Channel,
  type Input,
  type Output,
  type Result,
} from '../../../shared/contract';

/**
 * The renderer's one way to the backend. It does not know its transport: the Electron preload's
 * bridge when present, else the loopback host with the launch token.
 */
interface Bridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
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
    history.replaceState(null, '', window.location.pathname + window.location.search);
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
    async invoke(channel, input) {
      try {
        const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? ''}` },
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

export const api = {
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>> {
    return bridge.invoke(channel, input) as Promise<Result<Output<C>>>;
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

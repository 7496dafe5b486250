import { create } from 'zustand';
import type { ApiError, Channel, User } from '../../../shared/contract';
import { channelAccess } from '../api/access';
import { api, setSessionToken } from '../api/client';
import { queryClient } from '../api/queries';

const TOKEN_KEY = 'supervisor-console.session';

type Phase = 'loading' | 'setup' | 'signedOut' | 'signedIn' | 'damaged' | 'readOnly';

interface SessionState {
  phase: Phase;
  user: User | null;
  idleMinutes: number;
  /** Why the desk is back at sign-in (expired, idle), shown once on the sign-in screen. */
  notice: ApiError | 'idle' | null;
  load(): Promise<void>;
  signedIn(token: string, user: User): void;
  signOut(notice?: SessionState['notice']): Promise<void>;
  /** Whether the signed-in role may call a channel: the UI hides what the backend would refuse. */
  can(channel: Channel): boolean;
}

function setToken(token: string | null) {
  // Answers depend on who asks: a session starts and ends with nothing cached.
  queryClient.clear();
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
  setSessionToken(token, (error) => void useSession.getState().signOut(error));
}

export const useSession = create<SessionState>((set, get) => ({
  phase: 'loading',
  user: null,
  idleMinutes: 15,
  notice: null,
  async load() {
    setToken(sessionStorage.getItem(TOKEN_KEY));
    const status = await api.call('accounts.status', {});
    if (!status.ok) {
      const { code } = status.error;
      return set(
        code === 'database_damaged'
          ? { phase: 'damaged' }
          : code === 'read_only'
            ? { phase: 'readOnly' }
            : { phase: 'signedOut', notice: status.error },
      );
    }
    const { needsSetup, user, idleMinutes } = status.value;
    if (!user) setToken(null);
    set({ phase: needsSetup ? 'setup' : user ? 'signedIn' : 'signedOut', user, idleMinutes });
  },
  signedIn(token, user) {
    setToken(token);
    set({ phase: 'signedIn', user, notice: null });
    // The idle limit may differ from the last account's view of it.
    void api
      .call('accounts.status', {})
      .then((r) => r.ok && set({ idleMinutes: r.value.idleMinutes }));
  },
  async signOut(notice = null) {
    // A lost session is already gone on the backend; any other sign-out ends it there.
    if (get().phase === 'signedIn' && (notice === null || notice === 'idle'))
      await api.call('accounts.signOut', {});
    setToken(null);
    set({ phase: 'signedOut', user: null, notice });
  },
  can(channel) {
    const role = get().user?.role;
    return !!role && channelAccess[channel].roles.includes(role);
  },
}));

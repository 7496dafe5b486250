import { randomBytes } from 'node:crypto';
import type { Session } from './context';

/**
 * Signed-in sessions, in memory: a restart signs everyone out, which suits a shared desk PC.
 * A session idle for longer than the configured minutes is gone (server-side, whatever the page does).
 */
export class SessionStore {
  private readonly sessions = new Map<string, { session: Session; lastSeen: number }>();

  constructor(
    public idleMinutes: number,
    private readonly clock: () => number = Date.now,
  ) {}

  create(session: Session): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { session, lastSeen: this.clock() });
    return token;
  }

  /** The session behind a token, touched as active; null when unknown or idle too long. */
  resolve(token: string): Session | null {
    const entry = this.sessions.get(token);
    if (!entry) return null;
    const now = this.clock();
    if (now - entry.lastSeen > this.idleMinutes * 60_000) {
      this.sessions.delete(token);
      return null;
    }
    entry.lastSeen = now;
    return entry.session;
  }

  revoke(token: string) {
    this.sessions.delete(token);
  }

  /** A change an administrator made to a user (their teams) applies to their sessions at once. */
  updateUser(userId: number, change: Partial<Pick<Session, 'displayName' | 'teamIds'>>) {
    for (const entry of this.sessions.values())
      if (entry.session.userId === userId) entry.session = { ...entry.session, ...change };
  }

  /**
   * After a password reset, deactivation or role change: that user signs in again. `except` keeps
   * one session: the desk where the user just changed their own password.
   */
  revokeUser(userId: number, except?: string | null) {
    for (const [token, entry] of this.sessions)
      if (entry.session.userId === userId && token !== except) this.sessions.delete(token);
  }
}

import { addMinutes, addSeconds } from 'date-fns';

/** After this many failures in a row the account locks for LOCK_MINUTES; before that, each failure waits longer. */
export const LOCK_AFTER = 5;
export const LOCK_MINUTES = 15;
const SLOW_DOWN_FROM = 3;

/** A name's failed tries: kept on the account for a real user, in memory for a name no one has. */
export interface AttemptState {
  failedAttempts: number;
  lockedUntil: string | null;
}

export const NO_ATTEMPTS: AttemptState = { failedAttempts: 0, lockedUntil: null };

/** How long a lock has left, as the error's params; null when the name may try now. */
export function lockLeft(state: AttemptState, now: Date) {
  const ms = state.lockedUntil ? Date.parse(state.lockedUntil) - now.getTime() : 0;
  if (ms <= 0) return null;
  const seconds = Math.ceil(ms / 1000);
  return { minutes: Math.ceil(seconds / 60), seconds };
}

/**
 * One more failure: from the SLOW_DOWN_FROM-th on the name waits 5 s, 10 s, …; at LOCK_AFTER it
 * locks for LOCK_MINUTES. `locked` says this failure is the one that locked it.
 */
export function afterFailure(state: AttemptState, now: Date) {
  const failedAttempts = state.failedAttempts + 1;
  const locked = failedAttempts >= LOCK_AFTER;
  const lockedUntil = locked
    ? addMinutes(now, LOCK_MINUTES).toISOString()
    : failedAttempts >= SLOW_DOWN_FROM
      ? addSeconds(now, 5 * 2 ** (failedAttempts - SLOW_DOWN_FROM)).toISOString()
      : null;
  return { failedAttempts, lockedUntil, locked };
}

/**
 * The same bookkeeping for usernames that do not exist, so a wrong name is answered exactly as a
 * real account would be (slowed down, then locked) and no answer tells the two apart. In memory,
 * and bounded: past `capacity` names the one tried longest ago is forgotten, so a flood of invented
 * names costs memory once, not without end. (Forgetting needs `capacity` other names tried first,
 * each a full scrypt: hours of a desk PC's time.)
 */
export class UnknownNameAttempts {
  private readonly names = new Map<string, AttemptState>();

  constructor(readonly capacity = 10_000) {}

  get size() {
    return this.names.size;
  }

  get(username: string): AttemptState {
    return this.names.get(keyOf(username)) ?? NO_ATTEMPTS;
  }

  set(username: string, state: AttemptState) {
    const key = keyOf(username);
    // Re-inserting moves the name to the end: the Map's first key is the one tried longest ago.
    this.names.delete(key);
    this.names.set(key, state);
    while (this.names.size > this.capacity) this.names.delete(this.names.keys().next().value!);
  }
}

/** Usernames match case-insensitively at sign-in (see findCredentials). */
const keyOf = (username: string) => username.trim().toLowerCase();

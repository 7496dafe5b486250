import { fieldFailure } from '../../core/errors';
import common from './common-passwords.json' with { type: 'json' };

/**
 * What a new password must not be, beyond the contract's length (NIST SP 800-63B §5.1.1.2: no
 * composition rules, but refuse what is known to be guessed first): only spaces, the account's
 * own username, one of the commonest leaked passwords, or one character or short group repeated,
 * or a straight run of keys such as 12345678 or abcdefgh (which the leaked list leaves to rules).
 */
let commonPasswords: Set<string> | undefined;

const normalized = (password: string) => password.normalize('NFKC').toLowerCase();

export type PasswordProblem = 'passwordBlank' | 'passwordHasUsername' | 'passwordCommon';

export function passwordProblem(password: string, username: string): PasswordProblem | null {
  if (password.trim() === '') return 'passwordBlank';
  const plain = normalized(password);
  if (plain.includes(normalized(username.trim()))) return 'passwordHasUsername';
  commonPasswords ??= new Set(common.passwords.map(normalized));
  if (commonPasswords.has(plain) || isRepeated(plain) || isStraightRun(plain))
    return 'passwordCommon';
  return null;
}

/** Refuses a new password that breaks a rule, naming its field (`password`, `newPassword`). */
export function checkNewPassword(field: string, password: string, username: string) {
  const problem = passwordProblem(password, username);
  if (problem) throw fieldFailure(field, `validation.${problem}`);
}

/** 88888888, 12121212, abcabcabc: a group of up to four characters over and over. */
const isRepeated = (p: string) => /^(.{1,4})\1+$/su.test(p);

/** 12345678, 87654321, abcdefgh: every character one after (or before) the last. */
function isStraightRun(p: string) {
  const codes = [...p].map((c) => c.codePointAt(0)!);
  const step = codes[1]! - codes[0]!;
  return Math.abs(step) === 1 && codes.every((code, i) => i === 0 || code - codes[i - 1]! === step);
}

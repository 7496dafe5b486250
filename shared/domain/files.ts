/** Characters Windows refuses in file names, and control characters. */
// eslint-disable-next-line no-control-regex
const ILLEGAL_IN_FILE_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/**
 * A name part every desktop accepts: illegal characters become '_', white space is folded, and
 * trailing dots and spaces go (Windows drops them, which would change the name the user chose).
 * Empty when nothing is left.
 */
export function safeFileName(name: string): string {
  return name
    .replace(ILLEGAL_IN_FILE_NAME, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
    .slice(0, 120);
}

import { App } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The part of pasted text that fits in `room` UTF-16 units (what a field's maxLength counts),
 * never splitting a character outside the BMP (𠮷, emoji), and how many characters are left over.
 */
export function fitPaste(text: string, room: number): { fits: string; cut: number } {
  const chars = Array.from(text);
  let used = 0;
  let n = 0;
  for (const c of chars) {
    if (used + c.length > room) break;
    used += c.length;
    n++;
  }
  return { fits: chars.slice(0, n).join(''), cut: chars.length - n };
}

/** What a field is called on screen: its label, else its accessible name, else its placeholder. */
function fieldName(field: HTMLInputElement | HTMLTextAreaElement): string {
  const label = field.labels?.[0]?.textContent?.trim();
  return label || field.getAttribute('aria-label') || field.placeholder || '';
}

/**
 * A field's maxLength cuts a paste silently: the end of a long note is simply gone. Everywhere in
 * the console, a paste over a limit puts in what fits and says how many characters did not.
 */
export function PasteLimitNotice() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const field = event.target;
      if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return;
      const max = field.maxLength;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (max <= 0 || !text) return;
      const selected = (field.selectionEnd ?? 0) - (field.selectionStart ?? 0);
      const room = Math.max(0, max - (field.value.length - selected));
      const { fits, cut } = fitPaste(text, room);
      if (cut === 0) return;
      event.preventDefault();
      // insertText goes through the browser's editing, so React and the form see an ordinary input.
      if (fits) document.execCommand('insertText', false, fits);
      const name = fieldName(field);
      void message.warning(
        name
          ? t('paste.cutNamed', { field: name, max, count: cut })
          : t('paste.cut', { max, count: cut }),
        6,
      );
    };
    // Capture: before the field's own handlers, whichever screen it is on.
    document.addEventListener('paste', onPaste, true);
    return () => document.removeEventListener('paste', onPaste, true);
  }, [message, t]);
  return null;
}

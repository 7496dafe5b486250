import { describe, expect, it } from 'vitest';
import { fitPaste } from '../../../renderer/src/components/PasteLimit';

describe('a paste over a field’s limit', () => {
  it('keeps what fits, whole characters only, and counts what is left over', () => {
    expect(fitPaste('客户投诉', 10)).toEqual({ fits: '客户投诉', cut: 0 });
    expect(fitPaste('客户投诉', 2)).toEqual({ fits: '客户', cut: 2 });
    // 𠮷 is two UTF-16 units: with one unit of room it does not fit, and is never halved.
    expect(fitPaste('客𠮷🎉', 2)).toEqual({ fits: '客', cut: 2 });
    expect(fitPaste('客𠮷🎉', 3)).toEqual({ fits: '客𠮷', cut: 1 });
    expect(fitPaste('abc', 0)).toEqual({ fits: '', cut: 3 });
  });
});

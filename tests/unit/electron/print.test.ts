import { describe, expect, it, vi } from 'vitest';
import { pdfFileName, saveAsPdf } from '../../../electron/main/print';

describe('save as PDF', () => {
  it('makes a file name every desktop accepts', () => {
    expect(pdfFileName('交接班 2026-11-16 夜班 客服一组')).toBe(
      '交接班 2026-11-16 夜班 客服一组.pdf',
    );
    expect(pdfFileName('a/b:c*?"<>|.pdf')).toBe('a_b_c______.pdf');
    expect(pdfFileName('  ...  ')).toBe('值班主管控制台.pdf');
    expect(pdfFileName({ not: 'a string' })).toBe('值班主管控制台.pdf');
  });

  it('writes the rendered PDF where the user chose', async () => {
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    const writeFile = vi.fn(async () => {});
    const chooseFile = vi.fn(async (name: string) => `/home/desk/${name}`);
    const result = await saveAsPdf(
      { printToPDF: async () => pdf, chooseFile, writeFile },
      '交接班',
    );
    expect(chooseFile).toHaveBeenCalledWith('交接班.pdf');
    expect(writeFile).toHaveBeenCalledWith('/home/desk/交接班.pdf', pdf);
    expect(result).toEqual({ saved: true, path: '/home/desk/交接班.pdf' });
  });

  it('renders and writes nothing when the user cancels the dialog', async () => {
    const printToPDF = vi.fn(async () => new Uint8Array());
    const writeFile = vi.fn(async () => {});
    const result = await saveAsPdf(
      { printToPDF, chooseFile: async () => undefined, writeFile },
      'x',
    );
    expect(result).toEqual({ saved: false });
    expect(printToPDF).not.toHaveBeenCalled();
    expect(writeFile).not.toHaveBeenCalled();
  });
});

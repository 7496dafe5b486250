import { safeFileName } from '../../shared/domain/files';

/**
 * Save-as-PDF for the console's printable sheets (a handover, a report): the page's print view is
 * rendered by Chromium's printToPDF and written where the user chooses. The Electron calls come in
 * as arguments, so this is unit-tested without launching Electron. Only types from 'electron'.
 */
export const PRINT_TO_PDF_CHANNEL = 'console:printToPdf';

/** A file name Windows and macOS both accept, ending in .pdf, from whatever the page suggests. */
export function pdfFileName(suggested: unknown): string {
  const base = safeFileName(typeof suggested === 'string' ? suggested.replace(/\.pdf$/i, '') : '');
  return `${base || '值班主管控制台'}.pdf`;
}

export interface PrintDeps {
  printToPDF(): Promise<Uint8Array>;
  /** The save dialog: the chosen path, or undefined when the user cancels. */
  chooseFile(defaultName: string): Promise<string | undefined>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
}

export async function saveAsPdf(
  deps: PrintDeps,
  suggested: unknown,
): Promise<{ saved: boolean; path?: string }> {
  const path = await deps.chooseFile(pdfFileName(suggested));
  if (!path) return { saved: false };
  await deps.writeFile(path, await deps.printToPDF());
  return { saved: true, path };
}

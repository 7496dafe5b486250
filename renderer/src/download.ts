/** The content type of the files the backend produces, by their ending. */
const TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};
const typeOf = (fileName: string) =>
  TYPES[fileName.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';

/**
 * Saves a file the backend produced. In Electron this opens the save dialog; in browser mode it
 * is an ordinary download. Either way the bytes land in a real file the user chose.
 */
export function saveFile(fileName: string, contentBase64: string) {
  const type = typeOf(fileName);
  const bytes = Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Prints the page's print view. In Electron the sheet is rendered to PDF and saved where the user
 * chooses; in a browser the print dialog opens, whose "Save as PDF" does the same.
 */
export async function printOrSavePdf(fileName: string): Promise<void> {
  if (window.supervisorConsole?.printToPdf) await window.supervisorConsole.printToPdf(fileName);
  else window.print();
}

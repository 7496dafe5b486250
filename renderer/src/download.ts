/**
 * Saves a file the backend produced. In Electron this opens the save dialog; in browser mode it
 * is an ordinary download. Either way the bytes land in a real file the user chose.
 */
export function saveFile(
  fileName: string,
  contentBase64: string,
  type = 'application/octet-stream',
) {
  const bytes = Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

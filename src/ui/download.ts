/** Saves generated text as a file through a temporary object URL (works offline, no server round trip). */
export function downloadText(fileName: string, text: string, mime: string): void {
  downloadBlob(fileName, new Blob([text], { type: `${mime};charset=utf-8` }));
}

/** Saves bytes (a backup, a PNG) as a file, as downloadText does for text. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled: revoking at once cancels the download in some engines.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

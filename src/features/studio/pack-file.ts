/** Reading a chosen file for a pack import: its size first, so a huge file is refused without being read. */
export async function readChosenFile(file: File, maxBytes: number): Promise<{ text: string; bytes: number }> {
  if (file.size > maxBytes) return { text: '', bytes: file.size };
  return { text: await file.text(), bytes: file.size };
}

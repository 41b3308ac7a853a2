/**
 * Copies text for the agent to paste into their mail client. The async Clipboard API first; where it is
 * missing or refused (an insecure origin, a denied permission), the older selection copy. Resolves to
 * whether the text is on the clipboard, so a failed copy is never recorded as a send.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused: try the selection copy below.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

/** Hands a `mailto:` link to the system's mail app without leaving the page. */
export function openMailto(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

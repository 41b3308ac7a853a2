/**
 * Reading the debtor's replies aloud with the browser's speech synthesis: offered only where the device has a
 * voice for the language, off by default, never required (every reply is on screen as text).
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';

function voicesFor(language: string): SpeechSynthesisVoice[] {
  if (typeof window === 'undefined' || !('speechSynthesis' in window)) return [];
  return window.speechSynthesis.getVoices().filter((v) => v.lang.toLowerCase().startsWith(language));
}

/** Whether a voice exists for `language`; voices load late in Chromium, so this listens for them. */
export function useSpeechAvailable(language: () => string): Accessor<boolean> {
  const [available, setAvailable] = createSignal(voicesFor(language()).length > 0);
  if (typeof window !== 'undefined' && 'speechSynthesis' in window) {
    const update = () => setAvailable(voicesFor(language()).length > 0);
    window.speechSynthesis.addEventListener('voiceschanged', update);
    onCleanup(() => window.speechSynthesis.removeEventListener('voiceschanged', update));
  }
  return available;
}

export function speak(text: string, language: string): void {
  const voice = voicesFor(language)[0];
  if (!voice) return;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  window.speechSynthesis.speak(utterance);
}

export function stopSpeaking(): void {
  if (typeof window !== 'undefined' && 'speechSynthesis' in window) window.speechSynthesis.cancel();
}

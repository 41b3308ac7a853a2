/** Test doubles for the call writer (call-session-writer.ts), shared by its two test files. */

/** A save whose writes finish only when the test says so, recording the order they started in. */
export function manualSave() {
  const started: number[] = [];
  const finish: Array<(ok: boolean) => void> = [];
  const save = (value: number) =>
    new Promise<void>((resolve, reject) => {
      started.push(value);
      finish.push((ok) => (ok ? resolve() : reject(new Error(`failed ${value}`))));
    });
  return { save, started, finish };
}

export const tick = () => new Promise((r) => setTimeout(r, 0));

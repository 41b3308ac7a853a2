import { createRoot, createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { typedValue } from './typed-value';

describe('typedValue', () => {
  it('shows the signal, and never writes into the field while it is being typed in', () => {
    const input = document.createElement('input');
    document.body.append(input);
    const [value, setValue] = createSignal('2026-12-01');
    let writes = 0;
    const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
    Object.defineProperty(input, 'value', { get: () => native.get!.call(input), set: (v: string) => (writes++, native.set!.call(input, v)) });
    createRoot(() => typedValue(input, value));
    expect(input.value).toBe('2026-12-01');
    input.focus();
    setValue('');
    expect(writes).toBe(1);
    input.blur();
    setValue('2026-12-04');
    expect(input.value).toBe('2026-12-04');
    setValue('2026-12-04');
    expect(writes).toBe(2);
    input.remove();
  });
});

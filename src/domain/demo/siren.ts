/**
 * SIREN numbers for fictional companies: nine digits whose last one is a Luhn check digit, like the
 * real ones, so imports and validators that check the key accept them.
 */
export { luhnValid } from '../input/luhn';

/** Completes eight digits with their Luhn check digit (the key is appended, so the base's last digit doubles). */
export function withLuhnKey(base8: string): string {
  if (!/^\d{8}$/.test(base8)) throw new RangeError(`expected 8 digits: ${base8}`);
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    let d = base8.charCodeAt(7 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return base8 + String((10 - (sum % 10)) % 10);
}

/**
 * A SIREN from a number (0 … 10^7 - 1 after the leading digit). Private companies start with 3–9;
 * public bodies (communes, EPCI…) start with 2, which is how collection teams recognise them.
 */
export function sirenFrom(leadingDigit: number, n: number): string {
  const body = String(Math.abs(Math.trunc(n)) % 10_000_000).padStart(7, '0');
  return withLuhnKey(`${leadingDigit}${body}`);
}

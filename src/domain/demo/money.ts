/** French standard VAT rate, in basis points (20 %). */
export const STANDARD_VAT_BP = 2000;

/**
 * Amount incl. VAT from an amount excl. VAT, integer cents, VAT rounded half up to the cent, as French
 * invoices do. Integer arithmetic only: floats would drift on large portfolios.
 */
export function inclVat(exclCents: number, rateBp: number = STANDARD_VAT_BP): number {
  if (!Number.isInteger(exclCents) || exclCents < 0) throw new RangeError(`bad amount: ${exclCents}`);
  const vat = Math.floor((2 * exclCents * rateBp + 10_000) / 20_000);
  return exclCents + vat;
}

/**
 * A large aged balance as an ERP exports it (French headers, `;`, decimal comma, dd/mm/yyyy, UTF-8 with
 * BOM, a total line at the end): `rows` invoices spread over `debtors` customers, each with a customer code
 * and a SIREN. Deterministic, so two runs import the same file. Used by the `import` bench suite and the
 * import reliability test (R11).
 */
const pad = (n, width) => String(n).padStart(width, '0');

/** Amount in cents as `1 234,56` (no-break space between thousands, as Excel writes it in French). */
function frenchAmount(cents) {
  const euros = Math.floor(cents / 100);
  const grouped = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${grouped},${pad(cents % 100, 2)}`;
}

/** A SIREN with its Luhn check digit, from an 8-digit body. */
export function siren(body) {
  const digits = pad(body, 8);
  for (let check = 0; check < 10; check++) {
    const all = digits + check;
    let sum = 0;
    for (let i = 0; i < 9; i++) {
      let v = Number(all[8 - i]) * (i % 2 === 1 ? 2 : 1);
      if (v > 9) v -= 9;
      sum += v;
    }
    if (sum % 10 === 0) return all;
  }
  throw new Error('unreachable');
}

export function agedBalanceCsv({ rows = 100_000, debtors = 20_000 } = {}) {
  const lines = ['Code client;Client;SIREN;N° facture;Date facture;Échéance;Montant TTC;Reste dû'];
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const d = i % debtors;
    const day = 1 + (i % 28);
    const month = 1 + (i % 9);
    const cents = 10_000 + ((i * 7919) % 900_000);
    const due = cents - ((i % 5) * 1_000);
    total += due;
    lines.push(
      [
        `C${pad(d, 6)}`,
        `Société ${d} SARL`,
        siren(30_000_000 + d),
        `F${pad(i, 7)}`,
        `${pad(day, 2)}/${pad(month, 2)}/2026`,
        `${pad(day, 2)}/${pad(month + 1, 2)}/2026`,
        frenchAmount(cents),
        frenchAmount(due),
      ].join(';'),
    );
  }
  lines.push(`;Total général;;;;;;${frenchAmount(total)}`);
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

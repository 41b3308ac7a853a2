/**
 * What every draft shares: the debtor's language, amounts and dates formatted for it, address blocks and
 * the table of invoices. Drafts are document content in the debtor's language, not UI chrome, so their
 * text lives with them (fr/en tables in each template file) rather than in i18next.
 */
import { formatDate, formatMoney } from '../format';

export type DraftLocale = 'fr' | 'en';

/** en-GB, not en-US: day/month/year reads right to a European debtor writing in English. */
const INTL_LOCALE: Record<DraftLocale, string> = { fr: 'fr-FR', en: 'en-GB' };

export const money = (cents: number, locale: DraftLocale): string => formatMoney(cents, INTL_LOCALE[locale]);
export const date = (iso: string, locale: DraftLocale): string => formatDate(iso, INTL_LOCALE[locale]);

const weekdays = new Map<DraftLocale, Intl.DateTimeFormat>();
/** The weekday of a calendar date in the debtor's language ("jeudi", "Thursday"), never shifted by a zone. */
export function weekday(iso: string, locale: DraftLocale): string {
  let f = weekdays.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], { weekday: 'long', timeZone: 'UTC' });
    weekdays.set(locale, f);
  }
  return f.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

export interface DraftInvoice {
  number: string;
  issueDate: string;
  dueDate: string;
  label: string;
  amountExclVatCents: number;
  amountInclVatCents: number;
  /** Incl. VAT still unpaid; defaults to the full amount incl. VAT. */
  outstandingCents?: number;
}

export const outstandingOf = (i: DraftInvoice): number => i.outstandingCents ?? i.amountInclVatCents;

export interface PostalAddress {
  line1: string;
  line2?: string;
  postalCode: string;
  city: string;
  /** ISO 3166 alpha-2. */
  country: string;
}

export interface AddressBlock {
  name: string;
  lines: string[];
}

/** La Poste layout: street lines, then postcode and city in capitals, then the country when abroad. */
export function addressBlock(name: string, address: PostalAddress, senderCountry = 'FR', attention?: string): AddressBlock {
  const lines = [attention, address.line1, address.line2, `${address.postalCode} ${address.city.toUpperCase()}`].filter(
    (l): l is string => Boolean(l && l.trim()),
  );
  if (address.country.toUpperCase() !== senderCountry.toUpperCase()) {
    // The country line is read by the sending post office, so it is written in French (UPU practice).
    const country = new Intl.DisplayNames(['fr'], { type: 'region' }).of(address.country.toUpperCase());
    lines.push((country ?? address.country).toUpperCase());
  }
  return { name, lines };
}

export type Align = 'left' | 'right';

export interface TextTable {
  columns: string[];
  align: Align[];
  rows: string[][];
}

const TABLE_HEAD: Record<DraftLocale, string[]> = {
  fr: ['N° de facture', 'Date de facture', 'Libellé', 'Échéance', 'Montant HT', 'Montant TTC', 'Reste dû'],
  en: ['Invoice no.', 'Invoice date', 'Description', 'Due date', 'Amount excl. VAT', 'Amount incl. VAT', 'Outstanding'],
};

export interface InvoiceTableOptions {
  /** Letters: every column, the due date and what is still owed included. */
  withDueAndOutstanding?: boolean;
  /** The recap email: number, date, label, amount incl. VAT and what is still owed (no excl. VAT, no due date). */
  withOutstanding?: boolean;
  labelMaxLength?: number;
}

export function invoiceTable(invoices: readonly DraftInvoice[], locale: DraftLocale, options: InvoiceTableOptions = {}): TextTable {
  const head = TABLE_HEAD[locale];
  const full = options.withDueAndOutstanding ?? false;
  const pick = full ? [0, 1, 2, 3, 4, 5, 6] : options.withOutstanding ? [0, 1, 2, 5, 6] : [0, 1, 2, 4, 5];
  const max = options.labelMaxLength ?? 40;
  const rows = invoices.map((i) => {
    const label = i.label.length > max ? `${i.label.slice(0, max - 1)}…` : i.label;
    const cells = [
      i.number,
      date(i.issueDate, locale),
      label,
      date(i.dueDate, locale),
      money(i.amountExclVatCents, locale),
      money(i.amountInclVatCents, locale),
      money(outstandingOf(i), locale),
    ];
    return pick.map((k) => cells[k] ?? '');
  });
  const align: Align[] = pick.map((k) => (k >= 4 ? 'right' : 'left'));
  return { columns: pick.map((k) => head[k] ?? ''), align, rows };
}

/** Monospace rendering for plain-text email: columns padded, amounts right-aligned, a rule under the head. */
export function renderTextTable(table: TextTable, gap = '  '): string {
  const widths = table.columns.map((c, k) => Math.max(c.length, ...table.rows.map((r) => (r[k] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, k) => (table.align[k] === 'right' ? c.padStart(widths[k] ?? 0) : c.padEnd(widths[k] ?? 0)))
      .join(gap)
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join(gap);
  return [line(table.columns), rule, ...table.rows.map(line)].join('\n');
}

export function sumCents<T>(items: readonly T[], cents: (item: T) => number): number {
  return items.reduce((s, i) => s + cents(i), 0);
}

/**
 * What a column of an aged balance or a payments file can hold, and how headers map to it.
 *
 * Auto-mapping compares each header, reduced to lower-case letters and digits without accents ("N° de
 * facture" → "ndefacture"), with French and English names seen in Sage, Cegid, Pennylane, Odoo, QuickBooks
 * and Excel exports. An exact synonym wins over a header that merely contains one; each field takes at most
 * one column and each column at most one field, first come first served in the order of FIELD_ORDER, so
 * "Montant TTC" goes to the open amount only when no "Reste dû" column claims it. The mapping is then the
 * agent's to edit; a preset saves it per source, by header name, so it survives reordered columns.
 */
export const IMPORT_FIELDS = [
  'customerCode',
  'customerName',
  'siren',
  'invoiceNumber',
  'issueDate',
  'dueDate',
  'openAmount',
  'invoiceAmount',
  'amountExclVat',
  'label',
  'email',
  'phone',
  'debtorKind',
  'paymentDate',
  'paymentAmount',
  'paymentReference',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Column index (0-based) of each mapped field. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

export type MappedFileKind = 'aged_balance' | 'payments';

/** Fields a file of each kind cannot do without; `customer` means a code or a name. */
export const REQUIRED_FIELDS: Record<MappedFileKind, readonly ImportField[]> = {
  aged_balance: ['invoiceNumber', 'openAmount'],
  payments: ['paymentDate', 'paymentAmount'],
};

/** Exact synonyms first for each field, most specific fields first (so "Reste dû" beats "Montant"). */
const SYNONYMS: Record<ImportField, readonly string[]> = {
  customerCode: ['codeclient', 'numeroclient', 'nclient', 'noclient', 'compteclient', 'compteauxiliaire', 'compauxnum', 'comptetiers', 'codetiers', 'customercode', 'customerid', 'customerno', 'customernumber', 'accountnumber', 'accountcode', 'account', 'compte', 'code'],
  customerName: ['raisonsociale', 'nomclient', 'client', 'tiers', 'compauxlib', 'nom', 'societe', 'customername', 'customer', 'companyname', 'company', 'name', 'debiteur', 'debtor'],
  siren: ['siren', 'siret', 'nsiren', 'numerosiren', 'companyregistrationnumber', 'registrationnumber'],
  invoiceNumber: ['numerofacture', 'nfacture', 'nodefacture', 'ndefacture', 'facture', 'numfacture', 'refpiece', 'pieceref', 'piece', 'npiece', 'numeropiece', 'reference', 'ref', 'invoicenumber', 'invoiceno', 'invoice', 'documentnumber', 'documentno', 'document', 'num'],
  issueDate: ['datefacture', 'datedefacture', 'datepiece', 'piecedate', 'dateemission', 'datedemission', 'invoicedate', 'documentdate', 'issuedate', 'date'],
  dueDate: ['dateecheance', 'datedecheance', 'echeance', 'duedate', 'due', 'datelimite', 'paymentduedate'],
  openAmount: ['restedu', 'resteapayer', 'solde', 'soldedu', 'montantrestant', 'montantdu', 'encours', 'openamount', 'amountdue', 'balancedue', 'outstanding', 'outstandingamount', 'balance', 'remaining', 'montantttc', 'montant', 'amount', 'total', 'ttc'],
  invoiceAmount: ['montantttc', 'montantinitial', 'montantfacture', 'montantdelafacture', 'totalttc', 'montantoriginal', 'invoiceamount', 'invoicetotal', 'originalamount', 'totalamount'],
  amountExclVat: ['montantht', 'totalht', 'ht', 'netamount', 'amountexclvat', 'amountexcltax', 'subtotal'],
  label: ['libelle', 'designation', 'description', 'objet', 'ecriturelib', 'label', 'memo', 'commentaire'],
  email: ['email', 'mail', 'courriel', 'adresseemail', 'emailaddress', 'contactemail'],
  phone: ['telephone', 'tel', 'phone', 'phonenumber', 'portable', 'mobile'],
  // Business or consumer: whole headers only (EXACT_ONLY below).
  debtorKind: ['typeclient', 'typedeclient', 'particulierprofessionnel', 'professionnelparticulier', 'b2cb2b', 'b2bb2c', 'nature', 'naturetiers', 'naturedutiers', 'typetiers', 'customertype', 'customerkind', 'clienttype'],
  paymentDate: ['datereglement', 'datedereglement', 'datepaiement', 'datedepaiement', 'dateoperation', 'datevaleur', 'paymentdate', 'valuedate', 'transactiondate', 'bookingdate', 'date'],
  paymentAmount: ['montantregle', 'montantrecu', 'montantpaiement', 'montantdureglement', 'credit', 'encaissement', 'paymentamount', 'amountpaid', 'amountreceived', 'paidamount', 'montant', 'amount'],
  paymentReference: ['referencereglement', 'referencepaiement', 'refreglement', 'libelleoperation', 'communication', 'motif', 'paymentreference', 'remittanceinformation', 'transactionreference', 'details', 'reference', 'libelle', 'label', 'description'],
};

/** Fields tried in this order; payments fields last so an aged balance's "Date" stays the issue date. */
const FIELD_ORDER: readonly ImportField[] = [
  'invoiceNumber',
  'customerCode',
  'customerName',
  'siren',
  'dueDate',
  'invoiceAmount',
  'amountExclVat',
  'openAmount',
  'issueDate',
  'label',
  'email',
  'phone',
  'debtorKind',
];
const PAYMENT_ORDER: readonly ImportField[] = ['paymentDate', 'paymentAmount', 'paymentReference', 'invoiceNumber', 'customerCode', 'customerName', 'siren', 'label'];

/**
 * Fields mapped from a whole header only: "Nature" inside "Nature pièce" is the kind of entry, not whether
 * the customer is a consumer, and a wrong guess would refuse every row.
 */
const EXACT_ONLY: ReadonlySet<ImportField> = new Set(['debtorKind']);

/** "N° de facture" → "ndefacture": lower case, accents off, letters and digits only. */
export function headerKey(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Guesses the mapping of a file's headers. Unknown headers stay unmapped; the agent maps them by hand. */
export function autoMap(headers: readonly string[], kind: MappedFileKind): ColumnMapping {
  const keys = headers.map(headerKey);
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  const order = kind === 'payments' ? PAYMENT_ORDER : FIELD_ORDER;
  // Two passes: exact synonyms everywhere first, then headers that contain a synonym ("Montant TTC (€)").
  for (const exact of [true, false]) {
    for (const field of order) {
      if (mapping[field] !== undefined) continue;
      for (const synonym of SYNONYMS[field]) {
        const at = keys.findIndex((k, i) => !taken.has(i) && k !== '' && (exact ? k === synonym : synonym.length >= 4 && !EXACT_ONLY.has(field) && k.includes(synonym)));
        if (at !== -1) {
          mapping[field] = at;
          taken.add(at);
          break;
        }
      }
    }
  }
  // "Montant TTC" alone is what is owed: an invoice amount only makes sense beside an open amount.
  if (mapping.openAmount === undefined && mapping.invoiceAmount !== undefined) {
    mapping.openAmount = mapping.invoiceAmount;
    delete mapping.invoiceAmount;
  }
  return mapping;
}

/** Required fields the mapping lacks, and `customer` when it has neither a code nor a name. */
export function missingFields(mapping: ColumnMapping, kind: MappedFileKind): ImportField[] {
  const missing = REQUIRED_FIELDS[kind].filter((f) => mapping[f] === undefined);
  if (kind === 'aged_balance' && mapping.customerCode === undefined && mapping.customerName === undefined) missing.unshift('customerName');
  if (kind === 'aged_balance' && mapping.dueDate === undefined && mapping.issueDate === undefined) missing.push('dueDate');
  return missing;
}

/** A saved mapping for one source (an ERP's export), by header name so reordered columns still map. */
export interface MappingPreset {
  id: string;
  /** Where the files come from, as the agent names it ("Sage 100", "Pennylane"). */
  source: string;
  kind: MappedFileKind;
  headers: Partial<Record<ImportField, string>>;
}

export function presetFromMapping(id: string, source: string, kind: MappedFileKind, headers: readonly string[], mapping: ColumnMapping): MappingPreset {
  const named: Partial<Record<ImportField, string>> = {};
  for (const field of IMPORT_FIELDS) {
    const at = mapping[field];
    if (at !== undefined && headers[at] !== undefined) named[field] = headers[at];
  }
  return { id, source, kind, headers: named };
}

/** The preset's columns found in these headers (by normalised name); fields whose header is gone stay unmapped. */
export function applyPreset(preset: MappingPreset, headers: readonly string[]): ColumnMapping {
  const keys = headers.map(headerKey);
  const mapping: ColumnMapping = {};
  for (const field of IMPORT_FIELDS) {
    const wanted = preset.headers[field];
    if (wanted === undefined) continue;
    const at = keys.indexOf(headerKey(wanted));
    if (at !== -1) mapping[field] = at;
  }
  return mapping;
}

/**
 * What names a source's export: its set of column names (normalised, order ignored, as `applyPreset` maps by
 * name), hashed (FNV-1a) into a short key. The same ERP export gives the same signature every month.
 */
export function headerSignature(headers: readonly string[]): string {
  const text = [...new Set(headers.map(headerKey).filter(Boolean))].sort().join('|');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `h${headers.length}-${hash.toString(16).padStart(8, '0')}`;
}

/** How well a preset fits these headers (share of its columns present), to offer the best one first. */
export function presetFit(preset: MappingPreset, headers: readonly string[]): number {
  const wanted = Object.values(preset.headers);
  if (wanted.length === 0) return 0;
  return Object.keys(applyPreset(preset, headers)).length / wanted.length;
}

const GENERIC = new Set(['date', 'montant', 'amount', 'reference', 'libelle', 'label', 'description', 'details', 'credit']);

/** A header only a payments file has ("Date de règlement", "Montant reçu", "Amount received"…). */
export function hasPaymentHeaders(headers: readonly string[]): boolean {
  const specific = new Set([...SYNONYMS.paymentDate, ...SYNONYMS.paymentAmount, ...SYNONYMS.paymentReference].filter((s) => !GENERIC.has(s)));
  return headers.some((h) => specific.has(headerKey(h)));
}

export function siren(body: number): string;
export function agedBalanceCsv(options?: { rows?: number; debtors?: number }): string;

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (CSV injection):
 * `=`, `+`, `-`, `@`, tab and carriage return (OWASP's list).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The cell as text a spreadsheet shows rather than runs: a leading apostrophe is how every
 * spreadsheet marks "text". The one place CSV cells are made safe, for any column to come.
 */
export function spreadsheetSafe(cell: string | number): string {
  const text = String(cell);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

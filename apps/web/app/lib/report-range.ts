/** The ranges report pages offer: days ending today. */
export const REPORT_RANGES = [7, 30, 90, 365] as const;
export type ReportRange = (typeof REPORT_RANGES)[number];

/** The range a `?days=` asks for; 30 days for anything else. */
export function reportRange(value: string | null): ReportRange {
  return REPORT_RANGES.find((range) => String(range) === value) ?? 30;
}

/** "+12% vs the previous 30 days", or nothing to compare with. */
export function periodChange(now: number, before: number, days: number): string {
  if (before === 0) return now === 0 ? "no change" : `new vs the previous ${days} days`;
  const percent = Math.round(((now - before) / before) * 100);
  return `${percent > 0 ? "+" : ""}${percent}% vs the previous ${days} days`;
}

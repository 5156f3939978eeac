import type { LinkAnalytics } from "@digistore/domain-shorturl";
import { stringify } from "csv-stringify/sync";
import { spreadsheetSafe } from "../files/spreadsheet-safe";

const COLUMNS = ["date", "clicks", "unique_visitors", "bot_clicks"] as const;

/**
 * The daily figures as CSV (a header, then one row per day of the range), safe to open: CRLF
 * rows (RFC 4180) and a UTF-8 byte order mark, without which Excel guesses the wrong encoding.
 */
export function linkAnalyticsCsv(analytics: Pick<LinkAnalytics, "daily">): string {
  const rows = analytics.daily.map((day) =>
    [day.date, day.clicks, day.uniqueVisitors, day.botClicks].map(spreadsheetSafe),
  );
  return stringify([[...COLUMNS], ...rows], { bom: true, record_delimiter: "windows" });
}

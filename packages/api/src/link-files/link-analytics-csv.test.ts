import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { linkAnalyticsCsv } from "./link-analytics-csv";
import { spreadsheetSafe } from "../files/spreadsheet-safe";

describe("the analytics CSV", () => {
  it("has a header and one row per day, and parses back to the same figures", () => {
    const csv = linkAnalyticsCsv({
      daily: [
        { date: "2026-12-05", clicks: 3, uniqueVisitors: 2, botClicks: 1 },
        { date: "2026-12-06", clicks: 0, uniqueVisitors: 0, botClicks: 0 },
      ],
    });
    expect(csv.startsWith("\uFEFFdate,clicks,unique_visitors,bot_clicks\r\n")).toBe(true);
    expect(parse(csv, { bom: true })).toEqual([
      ["date", "clicks", "unique_visitors", "bot_clicks"],
      ["2026-12-05", "3", "2", "1"],
      ["2026-12-06", "0", "0", "0"],
    ]);
  });

  it("never hands a spreadsheet a formula", () => {
    for (const cell of ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]) {
      expect(spreadsheetSafe(cell)).toBe(`'${cell}`);
    }
    for (const cell of ["2026-12-05", "news.example", "a=b", "", 0, 12]) {
      expect(spreadsheetSafe(cell)).toBe(String(cell));
    }
    expect(spreadsheetSafe(-5)).toBe("'-5");
  });
});

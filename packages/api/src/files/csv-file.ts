import { stringify } from "csv-stringify/sync";
import { Readable } from "node:stream";
import type { Context } from "../context";
import { spreadsheetSafe } from "./spreadsheet-safe";
import type { StoreFile } from "./store-file";

/** CRLF rows (RFC 4180); the header carries a UTF-8 byte order mark so Excel reads accents. */
async function* csvChunks<T>(
  columns: readonly string[],
  batches: AsyncIterable<T[]>,
  cells: (item: T) => (string | number)[],
): AsyncGenerator<string> {
  yield stringify([[...columns]], { bom: true, record_delimiter: "windows" });
  for await (const batch of batches) {
    yield stringify(
      batch.map((item) => cells(item).map(spreadsheetSafe)),
      { record_delimiter: "windows" },
    );
  }
}

/**
 * A CSV download streamed from batches as they are read, every cell made formula-safe. The
 * first batch is awaited before the file starts, so a refused input (a bad filter, someone
 * else asking) is an error response, not a broken download.
 */
export async function csvFile<T>(
  ctx: Pick<Context, "clock">,
  name: string,
  columns: readonly string[],
  batches: AsyncGenerator<T[]>,
  cells: (item: T) => (string | number)[],
): Promise<StoreFile> {
  const first = await batches.next();
  async function* all(): AsyncGenerator<T[]> {
    if (first.done) return;
    yield first.value;
    yield* batches;
  }
  const day = ctx.clock.now().toISOString().slice(0, 10);
  return {
    filename: `${name}-${day}.csv`,
    contentType: "text/csv; charset=utf-8",
    body: Readable.from(csvChunks(columns, all(), cells)),
  };
}

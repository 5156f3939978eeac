/** Where a command writes; tests pass their own to read what a person would see. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const consoleIo: Io = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
};

export class UsageError extends Error {
  override name = "UsageError";
}

export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

/**
 * One `Range: bytes=…` against a file of `size` bytes: `a-b`, `a-` or the last `-n`. Several
 * ranges or a malformed header are ignored (the whole file is sent), as HTTP allows; a range
 * that starts past the end is unsatisfiable (416).
 */
export function parseRange(
  header: string | undefined,
  size: number,
): ByteRange | "unsatisfiable" | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, from, to] = match as unknown as [string, string, string];
  if (from === "" && to === "") return null;
  if (from === "") {
    const suffix = Number(to);
    if (suffix === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  const end = to === "" ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || start > end) return "unsatisfiable";
  return { start, end };
}

/** What a command printed, and a runtime that feeds it `stdin`: for in-process CLI tests. */
export function capture(stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => void out.push(l), err: (l: string) => void err.push(l) };
  return { io, runtime: { io, readStdin: () => Promise.resolve(stdin) }, out, err };
}

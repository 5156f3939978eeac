import { readFileSync, readdirSync, readlinkSync } from "node:fs";

/**
 * Linux /proc helpers for the bench: which process listens on a port, and how much memory a
 * process holds. The store is spawned by the shared test support, which keeps its child to
 * itself, so its pid is found from the socket it listens on.
 */

const LISTEN = "0A";

/** Socket inodes listening on `port` (any address, IPv4 or IPv6). */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text: string;
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
      const [, local, , state, , , , , , inode] = fields;
      if (!local || state !== LISTEN || !inode) continue;
      if (local.slice(local.lastIndexOf(":") + 1) === hexPort) inodes.add(inode);
    }
  }
  return inodes;
}

/** The pid whose open files include the socket listening on `port`, or null if none is visible. */
export function pidListeningOn(port: number): number | null {
  const inodes = listeningInodes(port);
  if (!inodes.size) return null;
  const wanted = new Set([...inodes].map((inode) => `socket:[${inode}]`));
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return null;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // gone, or not ours to read
    }
    for (const fd of fds) {
      try {
        if (wanted.has(readlinkSync(`/proc/${entry}/fd/${fd}`))) return Number(entry);
      } catch {
        // closed meanwhile
      }
    }
  }
  return null;
}

/** Resident set size of `pid` in bytes (VmRSS), or null once the process is gone. */
function rssBytes(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Clock ticks per second of /proc/<pid>/stat times: USER_HZ, 100 on every Linux we run. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time `pid` has used so far (user + system), in seconds, or null once it is gone. Unlike
 * requests/s, CPU spent per request barely moves when other work shares the cores.
 */
function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after "(comm)": state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks / CLOCK_TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}

/** CPU seconds `pid` spends while `work` runs (null if /proc cannot tell). */
export async function cpuDuring<T>(
  pid: number | null,
  work: () => Promise<T>,
): Promise<{ value: T; cpuSeconds: number | null }> {
  const before = pid === null ? null : cpuSeconds(pid);
  const value = await work();
  const after = pid === null ? null : cpuSeconds(pid);
  return { value, cpuSeconds: before === null || after === null ? null : after - before };
}

export interface RssSamples {
  readonly samples: number;
  readonly firstBytes: number | null;
  readonly maxBytes: number | null;
  readonly lastBytes: number | null;
}

/** Reads `pid`'s RSS every `everyMs` until stopped; `stop()` returns what it saw. */
export function sampleRss(pid: number, everyMs = 200): { stop(): RssSamples } {
  let samples = 0;
  let firstBytes: number | null = null;
  let maxBytes: number | null = null;
  let lastBytes: number | null = null;
  const take = () => {
    const bytes = rssBytes(pid);
    if (bytes === null) return;
    samples++;
    firstBytes ??= bytes;
    lastBytes = bytes;
    maxBytes = Math.max(maxBytes ?? 0, bytes);
  };
  take();
  const timer = setInterval(take, everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      take();
      return { samples, firstBytes, maxBytes, lastBytes };
    },
  };
}

export const MIB = 1024 * 1024;

export function toMiB(bytes: number | null): number | null {
  return bytes === null ? null : Math.round((bytes / MIB) * 10) / 10;
}

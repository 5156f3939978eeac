import { SYSTEM, newId, systemClock, userActor } from "@digistore/core";
import { createDb, migrateToLatest } from "@digistore/db";
import {
  addProductVersion,
  createLocalDiskStorage,
  createProduct,
  DEFAULT_CATALOG_LIMITS,
  setProductStatus,
  type CatalogContext,
} from "@digistore/domain-catalog";
import { DOWNLOAD_TOKEN_TTL_MS, mintDownloadToken } from "@digistore/domain-orders";
import { createTestOrder } from "@digistore/domain-orders/testing";
import { createSession, createUser } from "@digistore/domain-users";
import { createHash, randomBytes } from "node:crypto";
import { Agent, get } from "node:http";
import { join } from "node:path";
import { Readable } from "node:stream";
import { benchSeconds, type LoadResult } from "../lib/load";
import { cpuDuring, MIB, sampleRss, toMiB, type RssSamples } from "../lib/proc";
import type { Ratio, Scenario } from "../lib/scenario";
import { startBareServer, startStore } from "../lib/targets";

const FILE_BYTES = 100 * MIB;
/** Clients downloading at once. */
const CONNECTIONS = 4;
/**
 * Bare, store | store, bare | …(ABBA): neighbours on a shared 2-core machine, and any drift
 * in their load, hit both alike.
 */
const ORDER: readonly (readonly ("bare" | "store")[])[] = [
  ["bare", "store"],
  ["store", "bare"],
  ["bare", "store"],
  ["store", "bare"],
];
/** Fixed so the bench can mint links the server accepts (≥ 32 characters). */
const DOWNLOAD_SECRET = "bench-download-secret-0123456789abcdefgh";
/** "Under 200 MB", read strictly: 200 × 10⁶ bytes (≈ 190.7 MiB). */
const RSS_LIMIT_BYTES = 200 * 1000 * 1000;
const SESSION_COOKIE = "digistore_session";

interface Prepared {
  readonly buyerId: string;
  readonly versionId: string;
  readonly fileKey: string;
  readonly sha256: string;
  readonly sessionToken: string;
}

/** 100 MiB of random bytes (nothing to gain from compression), made one MiB at a time. */
function randomFile(bytes: number): Readable {
  let left = bytes;
  return Readable.from(
    (function* () {
      while (left > 0) {
        const size = Math.min(MIB, left);
        left -= size;
        yield randomBytes(size);
      }
    })(),
  );
}

/**
 * A seller's published product whose current version is the 100 MiB file (uploaded through
 * addProductVersion into the server's own storage folder), and a buyer who owns it. The paid
 * order and its grant are written directly — a load generator's shortcut; the webhook bench
 * covers how they are made — and the buyer gets a session like a login would.
 */
async function prepare(databaseUrl: string, dataDir: string): Promise<Prepared> {
  const handle = await createDb(databaseUrl);
  try {
    await migrateToLatest(handle);
    const clock = systemClock;
    const users = { db: handle.db, clock, actor: SYSTEM };
    const seller = await createUser(users, {
      email: "bench-download-seller@example.com",
      password: "bench seller password",
      displayName: "Bench Download Studio",
      seller: true,
    });
    const buyer = await createUser(users, {
      email: "bench-download-buyer@example.com",
      password: "bench buyer password",
      displayName: "Bench Download Buyer",
    });
    const deps: CatalogContext = {
      db: handle.db,
      dialect: handle.dialect,
      clock,
      storage: createLocalDiskStorage(join(dataDir, "storage")),
      catalogLimits: DEFAULT_CATALOG_LIMITS,
      actor: userActor(seller),
    };
    const product = await createProduct(deps, {
      title: "Bench 100 MiB Download",
      summary: "One big file.",
      price: 900,
    });
    const version = await addProductVersion(
      deps,
      {
        productId: product.id,
        label: "1.0.0",
        fileName: "bench-100mib.bin",
        contentType: "application/octet-stream",
      },
      randomFile(FILE_BYTES),
    );
    await setProductStatus(deps, { productId: product.id, status: "published" });
    const order = await createTestOrder(handle.db, {
      userId: buyer.id,
      productId: product.id,
      amount: 900,
      status: "paid",
      checkoutId: "cks_bench_download",
      paymentId: "pay_bench_download",
      billingCountry: "US",
      expiresAt: new Date().toISOString(),
    });
    const { id: orderId, created_at: now } = order;
    await handle.db
      .insertInto("purchased_products")
      .values({
        id: newId(),
        user_id: buyer.id,
        product_id: product.id,
        order_id: orderId,
        created_at: now,
        revoked_at: null,
        revoke_reason: null,
        suspended_at: null,
      })
      .execute();
    const session = await createSession(handle.db, new Date(), buyer.id);
    return {
      buyerId: buyer.id,
      versionId: version.id,
      fileKey: `products/${product.id}/versions/${version.id}`,
      sha256: version.sha256,
      sessionToken: session.token,
    };
  } finally {
    await handle.close();
  }
}

interface Request {
  readonly url: string;
  readonly headers: Record<string, string>;
}

interface Fetched {
  readonly status: number;
  readonly bytes: number;
  readonly ms: number;
  readonly sha256?: string;
}

/** One GET, body counted (and hashed if asked) and thrown away. */
function download(agent: Agent, request: Request, hash = false): Promise<Fetched> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = get(request.url, { agent, headers: request.headers }, (res) => {
      let bytes = 0;
      const digest = hash ? createHash("sha256") : null;
      res.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        digest?.update(chunk);
      });
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          bytes,
          ms: performance.now() - started,
          ...(digest ? { sha256: digest.digest("hex") } : {}),
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
}

interface Throughput {
  readonly result: LoadResult;
  readonly bytes: number;
  readonly ms: number;
  /** Full downloads served, the unrecorded warm-up ones included. */
  readonly served: number;
}

/**
 * CONNECTIONS clients download back to back until `seconds` have passed (the downloads under
 * way then finish and count); one unrecorded download per client first. autocannon is not
 * used: its per-response parsing, not the server, would set the pace for 100 MiB bodies.
 */
async function load(name: string, next: () => Request, seconds: number): Promise<Throughput> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  try {
    await Promise.all(Array.from({ length: CONNECTIONS }, () => download(agent, next())));
    const latencies: number[] = [];
    let bytes = 0;
    let errors = 0;
    let non2xx = 0;
    const started = performance.now();
    const deadline = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < deadline) {
          try {
            const fetched = await download(agent, next());
            bytes += fetched.bytes;
            if (fetched.status !== 200) non2xx++;
            else if (fetched.bytes !== FILE_BYTES) errors++;
            else latencies.push(fetched.ms);
          } catch {
            errors++;
          }
        }
      }),
    );
    const ms = performance.now() - started;
    latencies.sort((a, b) => a - b);
    return {
      bytes,
      ms,
      served: CONNECTIONS + latencies.length,
      result: {
        name,
        requestsPerSecond: Math.round((latencies.length / (ms / 1000)) * 100) / 100,
        latencyP50Ms: percentile(latencies, 50),
        latencyP99Ms: percentile(latencies, 99),
        totalRequests: latencies.length + errors + non2xx,
        errors,
        non2xx,
        seconds: Math.round(ms / 100) / 10,
      },
    };
  } finally {
    agent.destroy();
  }
}

const mibPerSecond = (bytes: number, ms: number) =>
  Math.round((bytes / MIB / (ms / 1000)) * 10) / 10;

/** Checks one download end to end: status, size and the bytes themselves. */
async function verifyOnce(label: string, request: Request, sha256: string): Promise<void> {
  const agent = new Agent({ keepAlive: false });
  try {
    const fetched = await download(agent, request, true);
    if (fetched.status !== 200 || fetched.bytes !== FILE_BYTES || fetched.sha256 !== sha256)
      throw new Error(
        `${label}: status ${fetched.status}, ${fetched.bytes} bytes, sha256 ${fetched.sha256}`,
      );
  } finally {
    agent.destroy();
  }
}

/**
 * A buyer downloading a 100 MiB product file through the real store (session cookie, signed
 * five-minute link, access check, download log, storage stream) against a bare node:http
 * server piping fs.createReadStream of the same file; the store's RSS is sampled meanwhile.
 */
export const downloads: Scenario = {
  name: "downloads",
  description: `${FILE_BYTES / MIB} MiB download, ${CONNECTIONS} clients: store vs bare fs stream, store RSS`,
  async run() {
    let prepared: Prepared | undefined;
    const store = await startStore(
      { DOWNLOAD_SECRET },
      {
        prepare: async (databaseUrl, dataDir) => {
          prepared = await prepare(databaseUrl, dataDir);
        },
      },
    );
    try {
      const p = prepared!;
      if (store.pid === null) throw new Error("could not find the store's pid to sample its RSS");
      const file = join(store.dataDir, "storage", p.fileKey);
      const bare = await startBareServer("bare-file.ts", [file]);
      try {
        const cookie = `${SESSION_COOKIE}=${p.sessionToken}`;
        const storeRequest = (): Request => ({
          url: `${store.url}/download/${mintDownloadToken(DOWNLOAD_SECRET, {
            userId: p.buyerId,
            versionId: p.versionId,
            expiresAt: Date.now() + DOWNLOAD_TOKEN_TTL_MS,
          })}`,
          headers: { cookie },
        });
        const bareRequest = (): Request => ({ url: `${bare.url}/file`, headers: {} });
        // The store's RSS from boot to the end: the verification download counts too.
        const storeSampler = sampleRss(store.pid);
        await verifyOnce("store download", storeRequest(), p.sha256);
        await verifyOnce("bare download", bareRequest(), p.sha256);

        const seconds = benchSeconds();
        const results: LoadResult[] = [];
        const totals = {
          store: { bytes: 0, ms: 0, cpuSeconds: 0, served: 0 },
          bare: { bytes: 0, ms: 0, cpuSeconds: 0, served: 0 },
        };
        let bareMaxRss = 0;
        for (const [round, targets] of ORDER.entries()) {
          for (const target of targets) {
            const pid = target === "store" ? store.pid : bare.pid;
            const bareSampler = target === "bare" ? sampleRss(bare.pid) : null;
            const measured = await cpuDuring(pid, () =>
              target === "store"
                ? load(`store /download #${round + 1}`, storeRequest, seconds)
                : load(`bare fs stream #${round + 1}`, bareRequest, seconds),
            );
            if (bareSampler) bareMaxRss = Math.max(bareMaxRss, bareSampler.stop().maxBytes ?? 0);
            results.push(measured.value.result);
            totals[target].bytes += measured.value.bytes;
            totals[target].ms += measured.value.ms;
            totals[target].served += measured.value.served;
            totals[target].cpuSeconds += measured.cpuSeconds ?? Number.NaN;
          }
        }
        const storeMiBs = mibPerSecond(totals.store.bytes, totals.store.ms);
        const bareMiBs = mibPerSecond(totals.bare.bytes, totals.bare.ms);
        const storeRss: RssSamples = storeSampler.stop();
        const cpuMsPerDownload = (t: (typeof totals)["store"]) =>
          Math.round((t.cpuSeconds * 1000) / t.served);
        const storeCpuMs = cpuMsPerDownload(totals.store);
        const bareCpuMs = cpuMsPerDownload(totals.bare);
        const maxRss = storeRss.maxBytes;
        const ratios: Ratio[] = [
          {
            name: "store MiB/s / bare MiB/s",
            value: Math.round((storeMiBs / bareMiBs) * 1000) / 1000,
            atLeast: 0.5,
          },
          ...(Number.isFinite(storeCpuMs / bareCpuMs)
            ? [
                {
                  // Not the measure: the same comparison by CPU per download, which
                  // barely moves with what else runs on the machine.
                  name: "store / bare, by server CPU per download (info)",
                  value: Math.round((bareCpuMs / storeCpuMs) * 1000) / 1000,
                },
              ]
            : []),
          {
            // ≥ 1 means the store's peak RSS stayed under the limit.
            name: "200 MB / store max RSS",
            // Rounded down, so a peak a hair over the limit never shows as 1.
            value: maxRss ? Math.floor((RSS_LIMIT_BYTES / maxRss) * 1000) / 1000 : 0,
            atLeast: 1,
          },
        ];
        return {
          results,
          ratios,
          notes: {
            "throughput MiB/s": { store: storeMiBs, bare: bareMiBs },
            "server CPU ms per download": { store: storeCpuMs, bare: bareCpuMs },
            downloadsPerRound: Object.fromEntries(
              results.map((r) => [r.name, r.totalRequests - r.errors - r.non2xx]),
            ),
            "store RSS MiB": {
              afterBoot: toMiB(storeRss.firstBytes),
              max: toMiB(maxRss),
              atEnd: toMiB(storeRss.lastBytes),
              samples: storeRss.samples,
            },
            "store max RSS MB (10^6 bytes)": maxRss === null ? null : Math.round(maxRss / 1e5) / 10,
            "store max RSS under 200 MB":
              maxRss !== null && maxRss < RSS_LIMIT_BYTES ? "PASS" : "FAIL",
            "store max RSS under 200 MiB (the looser, binary reading; info)":
              maxRss !== null && maxRss < 200 * MIB ? "yes" : "no",
            "bare server max RSS MiB": toMiB(bareMaxRss || null),
            fileBytes: FILE_BYTES,
            connections: CONNECTIONS,
            storePid: store.pid,
          },
        };
      } finally {
        await bare.stop();
      }
    } finally {
      await store.stop();
    }
  },
};

import { SYSTEM, systemClock } from "@digistore/core";
import { createDb } from "@digistore/db";
import type { TListProductsInput } from "@digistore/domain-catalog";
import { createSession, createUser } from "@digistore/domain-users";
import { generateCatalog } from "../generators/catalog";
import { benchSeconds, measure, type LoadResult } from "../lib/load";
import { cpuDuring } from "../lib/proc";
import { ratio, type Ratio, type Scenario } from "../lib/scenario";
import { startStore } from "../lib/targets";

const PRODUCTS = 1_000;
const LIST_INPUT: TListProductsInput = { limit: 24 };
const PAGE_PATH = "/products";
const SESSION_COOKIE = "digistore_session";
const BYPASS_COOKIE = "digistore_bypass";

type Mode = "off" | "on";
type Target = "list" | "page";
/**
 * Off, on, on, off, four times over (ABBA ×4): a drift in the machine's load over the run
 * (others share these 2 cores) weighs on both modes alike instead of on whichever runs last,
 * and eight short slices a mode average out bursts better than a few long ones.
 */
const ORDER: readonly Mode[][] = Array.from({ length: 8 }, (_, i): Mode[] =>
  i % 2 === 0 ? ["off", "on"] : ["on", "off"],
);
/** Each measured slice: half the scenario's seconds (at least 2), so the run keeps its length. */
const sliceSeconds = () => Math.max(2, benchSeconds() / 2);
/** Every slice, both modes alike: a second of unrecorded load first. */
const SLICE_WARMUP_SECONDS = 1;

interface Prepared {
  readonly staffToken: string;
}

/** The catalogue, and a staff account (made the operator's way) signed in for the toggles. */
async function prepare(databaseUrl: string): Promise<Prepared> {
  await generateCatalog(databaseUrl, { products: PRODUCTS });
  const handle = await createDb(databaseUrl);
  try {
    const staff = await createUser(
      { db: handle.db, clock: systemClock, actor: SYSTEM },
      {
        email: "bench-staff@example.com",
        password: "bench staff password",
        displayName: "Bench Staff",
        staff: true,
      },
    );
    const session = await createSession(handle.db, new Date(), staff.id);
    return { staffToken: session.token };
  } finally {
    await handle.close();
  }
}

/**
 * Maintenance off vs on, seen by signed-in staff: the storefront's catalog.list
 * over tRPC and the /products page (Remix render), on one server with a 1,000-product
 * catalogue. Maintenance is switched and the bypass key made through the staff procedures
 * (as the staff page does), so the server's cached setting changes at once. The load is a
 * signed-in staff member's in both modes (the bypass cookie is checked, not loaded): the
 * bytes on the wire are identical, only the server's state differs.
 */
export const maintenance: Scenario = {
  name: "maintenance",
  description: `catalog.list and ${PAGE_PATH} with maintenance off vs on (signed-in staff), ${PRODUCTS / 1000}k products`,
  async run() {
    let prepared: Prepared | undefined;
    const store = await startStore(
      {},
      {
        prepare: async (databaseUrl) => {
          prepared = await prepare(databaseUrl);
        },
      },
    );
    try {
      const base = store.url;
      const staffCookie = `${SESSION_COOKIE}=${prepared!.staffToken}`;
      const mutate = async (path: string, input?: unknown): Promise<unknown> => {
        const response = await fetch(`${base}/api/trpc/${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie: staffCookie },
          ...(input === undefined ? {} : { body: JSON.stringify(input) }),
        });
        const text = await response.text();
        if (response.status !== 200)
          throw new Error(`${path} answered ${response.status}: ${text}`);
        return (JSON.parse(text) as { result?: { data?: unknown } }).result?.data;
      };

      // A bypass key, exchanged for the cookie the way a browser does: ?bypass=<key>.
      const rotated = (await mutate("staff.site.rotateBypassKey")) as { key?: string } | undefined;
      if (!rotated?.key) throw new Error("rotateBypassKey returned no key");
      const exchange = await fetch(`${base}/?bypass=${encodeURIComponent(rotated.key)}`, {
        redirect: "manual",
      });
      const bypass = exchange.headers
        .getSetCookie()
        .map((c) => new RegExp(`^${BYPASS_COOKIE}=([^;]+)`).exec(c)?.[1])
        .find(Boolean);
      if (exchange.status !== 302 || !bypass)
        throw new Error(`?bypass= answered ${exchange.status} without a ${BYPASS_COOKIE} cookie`);
      const bypassCookie = `${BYPASS_COOKIE}=${bypass}`;
      // The "on with staff bypass": the load is a signed-in staff member's.
      const cookie = staffCookie;

      const urls: Record<Target, string> = {
        list: `${base}/api/trpc/catalog.list?input=${encodeURIComponent(JSON.stringify(LIST_INPUT))}`,
        page: `${base}${PAGE_PATH}`,
      };
      // What the page must show: the newest product's title, as catalog.list names it.
      const listed = await fetch(urls.list);
      const firstTitle = (
        (await listed.json()) as { result?: { data?: { items?: { title: string }[] } } }
      ).result?.data?.items?.[0]?.title;
      if (!firstTitle) throw new Error("catalog.list returned no products");

      /**
       * 200 with real content as staff and with the bypass cookie; without either, 503 when on
       * and 200 when off.
       */
      const check = async (mode: Mode) => {
        for (const target of ["list", "page"] as const) {
          for (const [who, value] of [
            ["staff", cookie],
            ["bypass cookie", bypassCookie],
          ] as const) {
            const allowed = await fetch(urls[target], { headers: { cookie: value } });
            const text = await allowed.text();
            const content =
              target === "list"
                ? text.includes(`"title":${JSON.stringify(firstTitle)}`)
                : text.includes(firstTitle);
            if (allowed.status !== 200 || !content)
              throw new Error(`${mode}: ${target} for ${who} answered ${allowed.status}`);
          }
          const without = (await fetch(urls[target])).status;
          if (without !== (mode === "on" ? 503 : 200))
            throw new Error(`${mode}: ${target} anonymously answered ${without}`);
        }
      };
      const switchTo = async (mode: Mode) => {
        await mutate("staff.site.setMaintenance", { enabled: mode === "on" });
        await check(mode);
      };

      await check("off");
      // One unrecorded pass over both targets so the first measured one is not the cold one.
      for (const target of ["list", "page"] as const)
        await measure("warm-up", { url: urls[target], headers: { cookie }, seconds: 2 });

      const runs: Record<Mode, Record<Target, LoadResult[]>> = {
        off: { list: [], page: [] },
        on: { list: [], page: [] },
      };
      // The store's CPU per request in each mode: barely moved by what else runs here.
      const cpu: Record<Mode, Record<Target, { seconds: number; requests: number }>> = {
        off: { list: { seconds: 0, requests: 0 }, page: { seconds: 0, requests: 0 } },
        on: { list: { seconds: 0, requests: 0 }, page: { seconds: 0, requests: 0 } },
      };
      const cpuUs = (mode: Mode, target: Target) =>
        cpu[mode][target].requests
          ? (cpu[mode][target].seconds * 1e6) / cpu[mode][target].requests
          : null;
      let current: Mode = "off";
      for (const [round, modes] of ORDER.entries()) {
        for (const mode of modes) {
          if (mode !== current) {
            await switchTo(mode);
            current = mode;
          }
          for (const target of ["list", "page"] as const) {
            const label = target === "list" ? "catalog.list" : `${PAGE_PATH} page`;
            const load = { url: urls[target], headers: { cookie } };
            await measure("warm-up", {
              ...load,
              seconds: SLICE_WARMUP_SECONDS,
              warmupSeconds: 0,
            });
            const measured = await cpuDuring(store.pid, () =>
              measure(`${label} maintenance ${mode} #${round + 1}`, {
                ...load,
                seconds: sliceSeconds(),
                warmupSeconds: 0,
              }),
            );
            runs[mode][target].push(measured.value);
            if (measured.cpuSeconds !== null) {
              cpu[mode][target].seconds += measured.cpuSeconds;
              cpu[mode][target].requests += measured.value.totalRequests;
            }
          }
        }
      }
      if (current === "on") await switchTo("off");

      const mean = (results: LoadResult[], name: string): LoadResult => {
        const avg = (pick: (r: LoadResult) => number) =>
          Math.round(results.reduce((sum, r) => sum + pick(r), 0) / results.length);
        return {
          name,
          requestsPerSecond: avg((r) => r.requestsPerSecond),
          latencyP50Ms: avg((r) => r.latencyP50Ms),
          latencyP99Ms: avg((r) => r.latencyP99Ms),
          totalRequests: results.reduce((sum, r) => sum + r.totalRequests, 0),
          errors: results.reduce((sum, r) => sum + r.errors, 0),
          non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
          seconds: results.reduce((sum, r) => sum + r.seconds, 0),
        };
      };
      const ratios: Ratio[] = [];
      const means: LoadResult[] = [];
      for (const target of ["list", "page"] as const) {
        const label = target === "list" ? "catalog.list" : `${PAGE_PATH} page`;
        const off = mean(runs.off[target], `${label} off (mean of ${ORDER.length})`);
        const on = mean(runs.on[target], `${label} on as staff (mean of ${ORDER.length})`);
        means.push(off, on);
        // The requirement: the middleware costs at most 3% with maintenance on.
        ratios.push(ratio(`${label} on (staff) / off (mean)`, on, off, 0.97));
        const [offCpu, onCpu] = [cpuUs("off", target), cpuUs("on", target)];
        // Not the measure: the same comparison by server CPU per request.
        if (offCpu && onCpu)
          ratios.push({
            name: `${label} on (staff) / off, by server CPU per request (info)`,
            value: Math.round((offCpu / onCpu) * 1000) / 1000,
          });
        for (let i = 0; i < ORDER.length; i++)
          ratios.push(
            ratio(`${label} on / off, round ${i + 1}`, runs.on[target][i]!, runs.off[target][i]!),
          );
      }
      const measured = ORDER.flatMap((modes, round) =>
        modes.flatMap((mode) => [runs[mode].list[round]!, runs[mode].page[round]!]),
      );
      return {
        results: [...measured, ...means],
        ratios,
        notes: {
          "server CPU µs per request": Object.fromEntries(
            (["list", "page"] as const).map((target) => [
              target,
              Object.fromEntries(
                (["off", "on"] as const).map((mode) => [
                  mode,
                  Math.round(cpuUs(mode, target) ?? Number.NaN),
                ]),
              ),
            ]),
          ),
          products: PRODUCTS,
          order: ORDER.map((modes) => modes.join(",")).join(" | "),
          checked:
            "before each mode: 200 as staff and with the bypass cookie (content present); anonymous 503 when on, 200 when off",
        },
      };
    } finally {
      await store.stop();
    }
  },
};

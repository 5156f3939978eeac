import { mkdirSync, writeFileSync } from "node:fs";
import { benchSeconds } from "./lib/load";
import type { ScenarioReport } from "./lib/scenario";
import { scenarios } from "./scenarios/index";

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !scenarios.some((s) => s.name === name));
if (unknown.length) {
  console.error(
    `Unknown scenario(s): ${unknown.join(", ")}. Known: ${scenarios.map((s) => s.name).join(", ")}`,
  );
  process.exit(2);
}

function print(name: string, report: ScenarioReport): boolean {
  console.log(`\n== ${name}`);
  console.log(
    "target".padEnd(40),
    "req/s".padStart(9),
    "p50 ms".padStart(8),
    "p99 ms".padStart(8),
    "errors".padStart(7),
  );
  for (const r of report.results) {
    console.log(
      r.name.padEnd(40),
      String(r.requestsPerSecond).padStart(9),
      String(r.latencyP50Ms).padStart(8),
      String(r.latencyP99Ms).padStart(8),
      String(r.errors + r.non2xx).padStart(7),
    );
  }
  let ok = true;
  for (const q of report.ratios) {
    const verdict =
      q.atLeast === undefined
        ? ""
        : q.value >= q.atLeast
          ? `  PASS (≥ ${q.atLeast})`
          : `  FAIL (< ${q.atLeast})`;
    if (q.atLeast !== undefined && q.value < q.atLeast) ok = false;
    console.log(`ratio ${q.name}: ${q.value}${verdict}`);
  }
  for (const [key, value] of Object.entries(report.notes ?? {}))
    console.log(`${key}: ${JSON.stringify(value)}`);
  for (const failure of report.failures ?? []) {
    console.error(`FAIL: ${failure}`);
    ok = false;
  }
  return ok;
}

const started = new Date();
mkdirSync("results", { recursive: true });
console.log(`Benchmarks on loopback, ${benchSeconds()} s per target (BENCH_SECONDS to change).`);
let allOk = true;
for (const scenario of scenarios.filter((s) => !wanted.length || wanted.includes(s.name))) {
  console.log(`\nRunning ${scenario.name}: ${scenario.description}…`);
  const report = await scenario.run();
  allOk = print(scenario.name, report) && allOk;
  const file = `results/${scenario.name}-${started.toISOString().replace(/[:.]/g, "-")}.json`;
  writeFileSync(
    file,
    JSON.stringify(
      { scenario: scenario.name, at: started.toISOString(), node: process.version, ...report },
      null,
      2,
    ),
  );
  console.log(`wrote bench/${file}`);
}
process.exit(allOk ? 0 : 1);

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import {
  allowedImports,
  allowedInTests,
  forbiddenInTransportFree,
  transportFreePackages,
} from "./rules";

interface Workspace {
  readonly name: string;
  readonly dir: string;
  readonly declared: Set<string>;
  /** devDependencies: what only the package's tests may import. */
  readonly devOnly: Set<string>;
  readonly exports: Set<string>;
}

const SCOPE = "@digistore/";
const SOURCE = /\.(ts|tsx|mts|cts)$/;
const TEST_FILE = /\.test\.tsx?$/;
const SKIP_DIRS = new Set(["node_modules", "build", ".turbo", "var", "test-results", "coverage"]);
const SPECIFIERS =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^"';]*?\sfrom\s*)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
}

function workspaces(root: string): Workspace[] {
  const globs = (readJson(join(root, "package.json")).workspaces as string[]) ?? [];
  const dirs = globs.flatMap((glob) => {
    if (!glob.endsWith("/*")) return [join(root, glob)];
    const parent = join(root, glob.slice(0, -2));
    return existsSync(parent) ? readdirSync(parent).map((d) => join(parent, d)) : [];
  });
  return dirs
    .filter((dir) => existsSync(join(dir, "package.json")))
    .map((dir) => {
      const pkg = readJson(join(dir, "package.json"));
      const deps = { ...(pkg.dependencies as object), ...(pkg.devDependencies as object) };
      const devOnly = Object.keys(pkg.devDependencies ?? {});
      const exportsField = (pkg.exports ?? {}) as Record<string, string>;
      return {
        name: pkg.name as string,
        dir,
        declared: new Set(Object.keys(deps)),
        devOnly: new Set(devOnly),
        exports: new Set(Object.keys(exportsField)),
      };
    });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    if (SKIP_DIRS.has(entry)) return [];
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry) && !entry.endsWith(".d.ts") ? [path] : [];
  });
}

export function importsOf(code: string): string[] {
  const found: string[] = [];
  for (const match of code.matchAll(SPECIFIERS)) found.push((match[1] ?? match[2])!);
  return found;
}

function packageOf(specifier: string): { name: string; subpath: string } {
  const [scope, name, ...rest] = specifier.split("/");
  return { name: `${scope}/${name}`, subpath: rest.length ? `./${rest.join("/")}` : "." };
}

/** Every way the tree breaks the dependency rules, as readable sentences (empty = clean). */
export function checkArchitecture(root: string): string[] {
  const problems: string[] = [];
  const all = workspaces(root);
  const byName = new Map(all.map((w) => [w.name, w]));
  const graph = new Map<string, Set<string>>();

  for (const ws of all) {
    const allowed = allowedImports[ws.name];
    const allowedForTests = [...(allowed ?? []), ...(allowedInTests[ws.name] ?? [])];
    if (allowed === undefined) {
      problems.push(`${ws.name} has no entry in tests/architecture/rules.ts`);
      continue;
    }
    const edges = new Set<string>();
    graph.set(ws.name, edges);
    for (const dep of ws.declared) {
      if (
        !dep.startsWith(SCOPE) ||
        dep === "@digistore/tsconfig" ||
        dep === "@digistore/eslint-config"
      )
        continue;
      edges.add(dep);
      const permitted = ws.devOnly.has(dep) ? allowedForTests : allowed;
      if (allowed !== ("*" as unknown) && !permitted.includes(dep)) {
        problems.push(`${ws.name} declares a dependency on ${dep}, which ARCHITECTURE.md forbids`);
      }
    }

    for (const file of sourceFiles(ws.dir)) {
      const where = relative(root, file);
      const code = readFileSync(file, "utf8");
      for (const specifier of importsOf(code)) {
        if (specifier.startsWith(".")) {
          const target = resolve(dirname(file), specifier);
          const inside = target === ws.dir || target.startsWith(ws.dir + sep);
          if (!inside && !target.startsWith(join(root, "tooling") + sep)) {
            problems.push(`${where} reaches outside its package with "${specifier}"`);
          }
          continue;
        }
        if (
          transportFreePackages(ws.name) &&
          forbiddenInTransportFree.some((re) => re.test(specifier))
        ) {
          problems.push(`${where} imports ${specifier}: domain code must not know the transport`);
        }
        if (!specifier.startsWith(SCOPE)) continue;
        const { name, subpath } = packageOf(specifier);
        if (name === ws.name) {
          problems.push(
            `${where} imports its own package by name (${specifier}); use a relative path`,
          );
          continue;
        }
        const permitted = TEST_FILE.test(file) ? allowedForTests : allowed;
        if (allowed !== ("*" as unknown) && !permitted.includes(name)) {
          problems.push(`${where} imports ${name}, which ARCHITECTURE.md forbids for ${ws.name}`);
        }
        if (!ws.declared.has(name)) {
          problems.push(`${where} imports ${name} without declaring it in package.json`);
        }
        const target = byName.get(name);
        if (target && !target.exports.has(subpath)) {
          problems.push(`${where} imports ${specifier}: ${name} does not export "${subpath}"`);
        }
      }
    }

    const index = join(ws.dir, "src", "index.ts");
    if (existsSync(index) && /^\s*export\s+\*/m.test(readFileSync(index, "utf8"))) {
      problems.push(`${relative(root, index)} uses "export *": list the public API by name`);
    }
  }

  problems.push(...findCycles(graph));
  return problems;
}

function findCycles(graph: Map<string, Set<string>>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (node: string, path: string[]) => {
    if (state.get(node) === "done") return;
    if (state.get(node) === "visiting") {
      cycles.push(`dependency cycle: ${[...path.slice(path.indexOf(node)), node].join(" → ")}`);
      return;
    }
    state.set(node, "visiting");
    for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
    state.set(node, "done");
  };
  for (const node of graph.keys()) visit(node, []);
  return cycles;
}

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

/** Every name a package's `src/index.ts` exports, values and types alike. */
function exportedNames(indexSource: string): Set<string> {
  const file = ts.createSourceFile("index.ts", indexSource, ts.ScriptTarget.Latest, false);
  const names = new Set<string>();
  for (const statement of file.statements) {
    if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      if (clause && ts.isNamedExports(clause)) {
        for (const element of clause.elements) names.add(element.name.text);
      }
      continue;
    }
    const exported = ts.canHaveModifiers(statement)
      ? ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
      : false;
    if (!exported) continue;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
      }
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isEnumDeclaration(statement)) &&
      statement.name
    ) {
      names.add(statement.name.text);
    }
  }
  return names;
}

/**
 * The names a README's "Public API" table lists: the leading identifier of every code span in
 * each row's first cell (`createThing({ db })` lists `createThing`). `*` is a wildcard.
 */
function documentedNames(readme: string): string[] | null {
  const section = /^## Public API\s*$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme);
  if (!section) return null;
  const names: string[] = [];
  for (const line of section[1]!.split("\n")) {
    if (!line.startsWith("|") || /^\|\s*-/.test(line)) continue;
    const firstCell = line.slice(1).split(/(?<!\\)\|/)[0] ?? "";
    for (const span of firstCell.matchAll(/`([^`]+)`/g)) {
      const name = /^[A-Za-z_$*][\w$*]*/.exec(span[1]!.trim())?.[0];
      if (name) names.push(name);
    }
  }
  return names;
}

function matches(pattern: string, name: string): boolean {
  if (!pattern.includes("*")) return pattern === name;
  const regex = new RegExp(`^${pattern.split("*").map(escapeRegex).join("[\\w$]*")}$`);
  return regex.test(name);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** What a README's table and its package's index.ts disagree on, one line per difference. */
export function compareReadmeWithIndex(pkg: string, readme: string, indexSource: string): string[] {
  const documented = documentedNames(readme);
  if (!documented) return [`${pkg}: README has no "## Public API" table`];
  const exported = exportedNames(indexSource);
  const problems: string[] = [];
  for (const name of exported) {
    if (!documented.some((pattern) => matches(pattern, name))) {
      problems.push(`${pkg}: exports ${name}, which its README's Public API table does not list`);
    }
  }
  for (const pattern of documented) {
    if (![...exported].some((name) => matches(pattern, name))) {
      problems.push(`${pkg}: README lists ${pattern}, which index.ts does not export`);
    }
  }
  return problems;
}

/** Every package under packages/ with a public index.ts, checked against its README. */
export function checkPackageReadmes(root: string): string[] {
  const packagesDir = join(root, "packages");
  const problems: string[] = [];
  for (const dir of readdirSync(packagesDir).sort()) {
    const index = join(packagesDir, dir, "src", "index.ts");
    if (!existsSync(index)) continue;
    const readmePath = join(packagesDir, dir, "README.md");
    if (!existsSync(readmePath)) {
      problems.push(`${dir}: has no README.md`);
      continue;
    }
    problems.push(
      ...compareReadmeWithIndex(dir, readFileSync(readmePath, "utf8"), readFileSync(index, "utf8")),
    );
  }
  return problems;
}

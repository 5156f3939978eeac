import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/paths";
import { checkPackageReadmes, compareReadmeWithIndex } from "./readme-api";

describe("package READMEs", () => {
  it("list exactly what each package's index.ts exports", () => {
    expect(checkPackageReadmes(repoRoot)).toEqual([]);
  });
});

describe("the README checker", () => {
  const readme = [
    "# pkg",
    "## Public API",
    "| export | what |",
    "| --- | --- |",
    "| `makeThing({ db })`, `Thing` | makes one |",
    "| `ZThing*` | schemas, `notAName` in the second cell is ignored |",
    "| `gone` | no longer exported |",
    "## Example",
    "`alsoIgnored`",
  ].join("\n");
  const index = [
    'export { makeThing, ZThingInput, ZThingOutput } from "./thing";',
    'export type { Thing } from "./thing";',
    'export { secret } from "./secret";',
    "export const inline = 1;",
  ].join("\n");

  it("names exports the table misses and rows the index no longer has", () => {
    expect(compareReadmeWithIndex("pkg", readme, index)).toEqual([
      "pkg: exports secret, which its README's Public API table does not list",
      "pkg: exports inline, which its README's Public API table does not list",
      "pkg: README lists gone, which index.ts does not export",
    ]);
  });

  it("asks for a table where there is none", () => {
    expect(compareReadmeWithIndex("pkg", "# pkg\nNo table.", index)).toEqual([
      'pkg: README has no "## Public API" table',
    ]);
  });
});

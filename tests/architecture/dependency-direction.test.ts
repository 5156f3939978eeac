import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { repoRoot } from "../support/paths";
import { checkArchitecture, importsOf } from "./check-architecture";

describe("dependency direction", () => {
  it("holds for this repository", () => {
    expect(checkArchitecture(repoRoot)).toEqual([]);
  });
});

describe("the architecture checker", () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  function write(path: string, content: unknown) {
    const full = join(root!, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, typeof content === "string" ? content : JSON.stringify(content));
  }

  function pkg(
    dir: string,
    name: string,
    deps: string[] = [],
    exports = { ".": "./src/index.ts" },
  ) {
    write(`${dir}/package.json`, {
      name,
      exports,
      dependencies: Object.fromEntries(deps.map((d) => [d, "*"])),
    });
  }

  it("finds upward imports, undeclared deps, deep imports, transports in domains and cycles", () => {
    root = mkdtempSync(join(tmpdir(), "digistore-arch-"));
    write("package.json", { workspaces: ["packages/*", "apps/*"] });
    pkg("packages/core", "@digistore/core", ["@digistore/db"]);
    write("packages/core/src/index.ts", 'export * from "./money";\n');
    pkg("packages/db", "@digistore/db", ["@digistore/core"]);
    write("packages/db/src/index.ts", 'import { x } from "@digistore/core/src/money";\n');
    pkg("packages/domain-users", "@digistore/domain-users", ["@digistore/core", "@digistore/db"]);
    write(
      "packages/domain-users/src/login.ts",
      [
        'import { TRPCError } from "@trpc/server";',
        'import { appRouter } from "@digistore/api";',
        'import type { Order } from "@digistore/domain-orders";',
        'import { secret } from "../../domain-orders/src/internal";',
      ].join("\n"),
    );
    pkg("packages/domain-orders", "@digistore/domain-orders", ["@digistore/domain-users"]);
    pkg("packages/api", "@digistore/api", ["@digistore/core"]);
    pkg("apps/mystery", "@digistore/mystery");

    const problems = checkArchitecture(root);
    const expectations = [
      /@digistore\/core declares a dependency on @digistore\/db/,
      /core\/src\/index\.ts uses "export \*"/,
      /db\/src\/index\.ts imports @digistore\/core\/src\/money: @digistore\/core does not export/,
      /login\.ts imports @trpc\/server: domain code must not know the transport/,
      /login\.ts imports @digistore\/api, which ARCHITECTURE\.md forbids/,
      /login\.ts imports @digistore\/api without declaring it/,
      /login\.ts imports @digistore\/domain-orders, which ARCHITECTURE\.md forbids/,
      /login\.ts reaches outside its package/,
      /@digistore\/mystery has no entry/,
      /dependency cycle: @digistore\/core → @digistore\/db → @digistore\/core/,
    ];
    for (const expected of expectations) {
      expect(
        problems.some((p) => expected.test(p)),
        `expected a problem matching ${expected}`,
      ).toBe(true);
    }
  });

  it("reads every import form", () => {
    const code = [
      'import a from "a";',
      'import type { B } from "b";',
      'export { c } from "c";',
      'import "d";',
      'const e = await import("e");',
      "import {\n  f,\n} from 'f';",
    ].join("\n");
    expect(importsOf(code)).toEqual(["a", "b", "c", "d", "e", "f"]);
  });
});

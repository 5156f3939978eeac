import { fileURLToPath } from "node:url";
import { defineProject, type UserWorkspaceConfig } from "vitest/config";

const failOnConsoleError = fileURLToPath(new URL("./fail-on-console-error.ts", import.meta.url));

/** One test setup for every package: UTC, console.error fails the test, co-located tests. */
export function digistoreProject(name: string, test: UserWorkspaceConfig["test"] = {}) {
  return defineProject({
    test: {
      name,
      include: ["src/**/*.test.ts"],
      env: { TZ: "UTC" },
      setupFiles: [failOnConsoleError],
      ...test,
    },
  });
}

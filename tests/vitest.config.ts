import { digistoreProject } from "../tooling/vitest/project";

// Whole-system tests: real server processes and a real browser, so longer timeouts.
export default digistoreProject("system", {
  include: ["**/*.test.ts"],
  exclude: ["**/node_modules/**"],
  testTimeout: 60_000,
  hookTimeout: 120_000,
});

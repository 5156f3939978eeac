import { digistoreProject } from "../../tooling/vitest/project";

// The Remix Vite plugin is for building the app, not for tests: tests get a plain config.
export default digistoreProject("web", {
  include: ["*.test.ts", "server/**/*.test.ts", "app/**/*.test.ts"],
});

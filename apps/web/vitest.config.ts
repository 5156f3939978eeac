import { defineProject } from "vitest/config";

// The Remix Vite plugin is for building the app, not for tests: tests get a plain config.
export default defineProject({
  test: { name: "web", include: ["server/**/*.test.ts", "app/**/*.test.ts"] },
});

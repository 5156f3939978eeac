// Shared flat config: type-aware TypeScript rules, promise hygiene and type-only imports.
import js from "@eslint/js";
import promise from "eslint-plugin-promise";
import globals from "globals";
import tseslint from "typescript-eslint";

export const ignores = [
  "**/node_modules/**",
  "**/build/**",
  "**/.turbo/**",
  "**/var/**",
  "**/*.js",
  "**/*.mjs",
  "**/*.cjs",
];

export default tseslint.config(
  { ignores },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  promise.configs["flat/recommended"],
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": [
        "error",
        { checksVoidReturn: { attributes: false } },
      ],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/only-throw-error": "error",
      "no-console": "error",
      eqeqeq: ["error", "smart"],
      // The environment is read in one place: @digistore/config's schema, fed by the entry points.
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message:
            "Read configuration through @digistore/config (loadServerConfig); only entry points pass process.env in.",
        },
      ],
    },
  },
  {
    // Entry points hand the environment to the config schema; test and bench harnesses read
    // their own knobs (DIALECTS, BENCH_SECONDS), which are not the store's configuration.
    files: [
      "**/config/src/**",
      "**/bin/**",
      "apps/web/env.ts",
      "**/testing.ts",
      "**/testing/**",
      "tests/support/**",
      "bench/**",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // CLIs and scripts talk to a terminal on purpose.
    files: ["**/cli/src/**", "bench/**", "scripts/**"],
    rules: { "no-console": "off" },
  },
  {
    files: ["**/*.test.ts", "**/*.test.tsx", "**/testing/**", "**/testing.ts"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/unbound-method": "off",
    },
  },
);

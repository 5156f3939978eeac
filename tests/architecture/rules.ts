/**
 * The dependency direction of ARCHITECTURE.md as data: each workspace package and the
 * @digistore packages it may import. Anything not listed here is a violation.
 */
const base = ["@digistore/core", "@digistore/db", "@digistore/rate-limit"];
const domains = [
  "@digistore/domain-users",
  "@digistore/domain-catalog",
  "@digistore/domain-orders",
  "@digistore/domain-support",
  "@digistore/domain-site",
  "@digistore/domain-shorturl",
  "@digistore/domain-licenses",
  "@digistore/domain-discounts",
  "@digistore/domain-sales",
];

export const allowedImports: Record<string, readonly string[]> = {
  "@digistore/tsconfig": [],
  "@digistore/eslint-config": [],
  "@digistore/core": [],
  "@digistore/db": ["@digistore/core"],
  "@digistore/rate-limit": ["@digistore/core", "@digistore/db"],
  "@digistore/config": base,
  "@digistore/mail": base,
  "@digistore/domain-site": base,
  "@digistore/domain-users": base,
  "@digistore/domain-catalog": [...base, "@digistore/domain-users"],
  // Links stand on their own: orders never learn about them (attribution sits beside orders).
  "@digistore/domain-shorturl": [...base, "@digistore/domain-users"],
  "@digistore/domain-orders": [...base, "@digistore/domain-users", "@digistore/domain-catalog"],
  "@digistore/domain-support": [
    ...base,
    "@digistore/domain-users",
    "@digistore/domain-catalog",
    "@digistore/domain-orders",
  ],
  // A key is a face of access: it reads purchases and hooks into orders, never the reverse.
  "@digistore/domain-licenses": [
    ...base,
    "@digistore/domain-users",
    "@digistore/domain-catalog",
    "@digistore/domain-orders",
  ],
  // A code lowers an order before payment; checkout calls it through the port orders define.
  "@digistore/domain-discounts": [
    ...base,
    "@digistore/domain-users",
    "@digistore/domain-catalog",
    "@digistore/domain-orders",
  ],
  // The seller's numbers are kept by an order hook and read from rollups, never the reverse.
  "@digistore/domain-sales": [
    ...base,
    "@digistore/domain-users",
    "@digistore/domain-catalog",
    "@digistore/domain-orders",
  ],
  "@digistore/payments-dodo": [
    ...base,
    "@digistore/domain-users",
    "@digistore/domain-catalog",
    "@digistore/domain-orders",
    // dev only: its tests drive the real SDK against the emulator
    "@digistore/dodo-emulator",
  ],
  "@digistore/dodo-emulator": ["@digistore/core"],
  // The composition root lives here (createAppServices): it wires config, mail and payments.
  "@digistore/api": [
    ...base,
    ...domains,
    "@digistore/config",
    "@digistore/mail",
    "@digistore/payments-dodo",
    "@digistore/dodo-emulator",
  ],
  "@digistore/cli": [
    ...base,
    "@digistore/api",
    ...domains,
    "@digistore/config",
    "@digistore/mail",
    "@digistore/payments-dodo",
    "@digistore/dodo-emulator",
  ],
  // The web app reaches the store through the api (and its config and core values) only.
  "@digistore/web": ["@digistore/core", "@digistore/config", "@digistore/api"],
  "@digistore/tests": "*" as unknown as readonly string[],
  "@digistore/bench": "*" as unknown as readonly string[],
};

/**
 * What a package's tests (`*.test.ts`) and devDependencies may import beyond its own rule:
 * fixtures straight into the database, and the domains they set up state in.
 */
export const allowedInTests: Record<string, readonly string[]> = {
  "@digistore/web": [...base, ...domains, "@digistore/payments-dodo"],
};

/** Packages that hold domain logic must not know about transports or the apps above them. */
export const transportFreePackages = (name: string): boolean =>
  name === "@digistore/core" ||
  name === "@digistore/db" ||
  name.startsWith("@digistore/domain-") ||
  name === "@digistore/payments-dodo" ||
  name === "@digistore/mail" ||
  name === "@digistore/rate-limit";

export const forbiddenInTransportFree = [/^@trpc\//, /^@remix-run\//, /^express$/, /^react$/];

import { describe, expect, it } from "vitest";
import {
  MAINTENANCE_EXEMPT_PATHS,
  decideMaintenanceAccess,
  isMaintenanceExemptPath,
  maintenanceRetryAfterSeconds,
  type MaintenanceAccessInput,
  type MaintenanceSurface,
} from "./access-policy";
import { DEFAULT_MAINTENANCE_MESSAGE, MAINTENANCE_OFF, type MaintenanceState } from "./maintenance";

const now = new Date("2026-11-21T10:00:00.000Z");
const on: MaintenanceState = {
  enabled: true,
  message: "Upgrading. Back soon.",
  expectedBackAt: null,
  changedAt: "2026-11-21T09:55:00.000Z",
  changedBy: "staff-1",
};

const visitor = (
  path: string,
  surface: MaintenanceSurface,
  extra: Partial<MaintenanceAccessInput> = {},
): MaintenanceAccessInput => ({
  maintenance: on,
  surface,
  path,
  isStaff: false,
  hasBypass: false,
  now,
  ...extra,
});

const BLOCKED = { allowed: false, message: "Upgrading. Back soon.", retryAfterSeconds: 300 };
const ALLOWED = { allowed: true };

const exemptPaths = [
  "/webhooks/dodo",
  "/webhooks/dodo/v2?sig=abc",
  "/webhooks/",
  "/healthz",
  "/healthz?full=1",
  "/assets/app-3f9a.js",
  "/assets/img/logo.svg?v=2",
  "/assets/",
  "/favicon.ico",
  "/robots.txt",
  "/login",
  "/login?next=%2Fadmin",
  "/login?bypass=wrong",
  "/login#top",
  // Full request URLs (what Request.url holds) are read for their path.
  "https://shop.example/login?next=/",
  "http://localhost:3000/webhooks/dodo",
  "https://shop.example/assets/app.css",
];

const blockedPaths = [
  "/",
  "/products/ebook",
  "/admin",
  "/account/orders?page=2",
  "/api/trpc/catalog.list",
  // Lookalikes of exempt paths.
  "/loginx",
  "/login/",
  "/login/extra",
  "/Login",
  "/logout",
  "/webhooksfoo",
  "/webhooks",
  "/webhooks?x=/webhooks/",
  "/assets",
  "/assetsx/app.js",
  "/healthz/",
  "/healthzx",
  "/favicon.icon",
  "/robots.txt.bak",
  "/admin?next=/login",
  "/x/login",
  "/x/webhooks/dodo",
  // Paths a server would normalise into something else.
  "/webhooks/../admin",
  "/assets/%2e%2e/admin",
  "/webhooks/..%2Fadmin",
  "/assets/./../admin",
  "/webhooks\\..\\admin",
  "//webhooks/dodo",
  "/assets/%E0%A4%A",
  // Not a path at all.
  "",
  "login",
  "webhooks/dodo",
  "https://shop.example/loginx",
  "https://shop.example/webhooks/../admin",
  "https://shop.example/assets/%2e%2e/admin",
  "https://shop.example",
  "ftp://shop.example/login",
  "https://",
];

describe("maintenance access policy", () => {
  it("lets everyone through when maintenance is off", () => {
    for (const path of [...exemptPaths, ...blockedPaths]) {
      for (const surface of ["page", "api"] as const) {
        expect(
          decideMaintenanceAccess(visitor(path, surface, { maintenance: MAINTENANCE_OFF })),
        ).toEqual(ALLOWED);
      }
    }
  });

  describe.each(["page", "api"] as const)("while on, for the %s surface", (surface) => {
    it.each(exemptPaths)("lets an anonymous visitor reach exempt %j", (path) => {
      expect(decideMaintenanceAccess(visitor(path, surface))).toEqual(ALLOWED);
      expect(isMaintenanceExemptPath(path)).toBe(true);
    });

    it.each(blockedPaths)("blocks an anonymous visitor from %j", (path) => {
      expect(decideMaintenanceAccess(visitor(path, surface))).toEqual(BLOCKED);
      expect(isMaintenanceExemptPath(path)).toBe(false);
    });

    it.each(blockedPaths)("lets staff and bypass holders reach %j", (path) => {
      expect(decideMaintenanceAccess(visitor(path, surface, { isStaff: true }))).toEqual(ALLOWED);
      expect(decideMaintenanceAccess(visitor(path, surface, { hasBypass: true }))).toEqual(ALLOWED);
      expect(
        decideMaintenanceAccess(visitor(path, surface, { isStaff: true, hasBypass: true })),
      ).toEqual(ALLOWED);
    });
  });

  it("honours procedureExempt for API calls only", () => {
    const path = "/api/trpc/auth.login";
    expect(decideMaintenanceAccess(visitor(path, "api", { procedureExempt: true }))).toEqual(
      ALLOWED,
    );
    expect(decideMaintenanceAccess(visitor(path, "api", { procedureExempt: false }))).toEqual(
      BLOCKED,
    );
    expect(decideMaintenanceAccess(visitor(path, "api"))).toEqual(BLOCKED);
    expect(
      decideMaintenanceAccess(visitor("/products", "page", { procedureExempt: true })),
    ).toEqual(BLOCKED);
  });

  it("documents every rule it applies", () => {
    expect(MAINTENANCE_EXEMPT_PATHS.map((r) => `${r.match} ${r.path}`)).toEqual([
      "prefix /webhooks/",
      "exact /healthz",
      "prefix /assets/",
      "exact /favicon.ico",
      "exact /robots.txt",
      "exact /login",
    ]);
    for (const rule of MAINTENANCE_EXEMPT_PATHS) {
      expect(rule.reason.length).toBeGreaterThan(0);
      expect(isMaintenanceExemptPath(rule.match === "exact" ? rule.path : `${rule.path}x`)).toBe(
        true,
      );
    }
    expect(Object.isFrozen(MAINTENANCE_EXEMPT_PATHS)).toBe(true);
  });

  it("shows the stored message, or the default one", () => {
    const withDefault = { ...on, message: DEFAULT_MAINTENANCE_MESSAGE };
    expect(
      decideMaintenanceAccess(visitor("/", "page", { maintenance: withDefault })),
    ).toMatchObject({
      allowed: false,
      message: "We are doing some maintenance. Please check back soon.",
    });
  });

  describe("Retry-After", () => {
    const backAt = (expectedBackAt: string | null) => ({ ...on, expectedBackAt });

    it.each([
      ["no expected time", null, 300],
      ["an expected time 2 hours ahead", "2026-11-21T12:00:00.000Z", 7200],
      ["an expected time 10 minutes and 0.5 s ahead (rounded up)", "2026-11-21T10:10:00.500Z", 601],
      ["an expected time 61 s ahead", "2026-11-21T10:01:01.000Z", 61],
      ["an expected time 30 s ahead (at least 60)", "2026-11-21T10:00:30.000Z", 60],
      ["an expected time 1 ms ahead (at least 60)", "2026-11-21T10:00:00.001Z", 60],
      ["an expected time right now", "2026-11-21T10:00:00.000Z", 300],
      ["an expected time already past", "2026-11-21T09:00:00.000Z", 300],
      ["an unreadable expected time", "soon", 300],
    ])("is right for %s", (_label, expectedBackAt, seconds) => {
      expect(maintenanceRetryAfterSeconds(backAt(expectedBackAt), now)).toBe(seconds);
      expect(
        decideMaintenanceAccess(visitor("/", "api", { maintenance: backAt(expectedBackAt) })),
      ).toEqual({ ...BLOCKED, retryAfterSeconds: seconds });
    });

    it("uses the current time when none is passed", () => {
      const inAnHour = new Date(Date.now() + 3600_000).toISOString();
      const decision = decideMaintenanceAccess({
        maintenance: backAt(inAnHour),
        surface: "page",
        path: "/",
        isStaff: false,
        hasBypass: false,
      });
      expect(decision.allowed).toBe(false);
      if (!decision.allowed) {
        expect(decision.retryAfterSeconds).toBeGreaterThan(3500);
        expect(decision.retryAfterSeconds).toBeLessThanOrEqual(3600);
      }
    });
  });
});

import { createUser } from "@digistore/domain-users";
import { SYSTEM, systemClock } from "@digistore/core";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawFollow, rawRequest } from "../support/raw-http";
import { freePort, runServerExpectingExit } from "../support/server";
import { startTestStore, type TestStore } from "../support/store";

// The constants the emulator used to ship with: anyone who read the source could sign webhooks.
const OLD_EMULATOR_API_KEY = "emulator-api-key";

// Every spelling of the dev mailbox and the emulator that a router might still serve.
const DEV_SURFACE_PATHS = [
  "/dev/mail",
  "/dev/mail/",
  "/dev/mail.data",
  "/dev/mail?_data=routes%2Fdev.mail",
  "/dev/mail/x",
  "/DEV/MAIL",
  "/Dev/Mail",
  "/dev//mail",
  "//dev/mail",
  "/dev/%6dail",
  "/%64ev/mail",
  "/x/../dev/mail",
  "/api/trpcx/../../dev/mail",
  "/webhooks/../dev/mail",
  "/dev\\mail",
  "/_dodo/payments",
  "/_dodo/checkouts",
  "/_DODO/payments",
  "/x/../_dodo/payments",
];

async function expectNoDevSurface(store: TestStore) {
  for (const path of DEV_SURFACE_PATHS) {
    const response = await rawFollow(store.url, path);
    expect(response.status, path).toBe(404);
    expect(response.body, path).not.toMatch(/Dev mailbox|reset your password|"items"/i);
  }
}

describe("the production configuration", () => {
  it("refuses to start on the payment emulator, naming what to set", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digistore-prod-"));
    try {
      const { code, output } = await runServerExpectingExit({
        DEMO: "off",
        DATA_DIR: dir,
        DATABASE_URL: `file:${join(dir, "db.sqlite")}`,
        PORT: String(await freePort()),
      });
      expect(code).toBe(1);
      expect(output).toMatch(/PAYMENTS_PROVIDER: the built-in payment emulator/);
      expect(output).toMatch(/PAYMENTS_PROVIDER=dodo/);
      expect(output).toMatch(/ALLOW_PAYMENTS_EMULATOR=true/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe("on real Dodo settings", () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await startTestStore("sqlite", {
        DEMO: "off",
        PAYMENTS_PROVIDER: "dodo",
        DODO_PAYMENTS_API_KEY: "sk_test_not_used_here",
        DODO_PAYMENTS_WEBHOOK_KEY: "whsec_dGVzdC1rZXktbm90LXVzZWQtaGVyZQ==",
        DODO_PAYMENTS_BASE_URL: "http://127.0.0.1:9",
      });
    });
    afterAll(() => store?.stop());

    it("serves neither the dev mailbox nor the emulator, in any spelling", async () => {
      await expectNoDevSurface(store);
    });

    it("keeps a staff password reset out of every visitor's reach", async () => {
      await createUser(
        { db: store.testDb.db, clock: systemClock, actor: SYSTEM },
        { email: "ops@example.com", password: "ops password", displayName: "Ops", staff: true },
      );
      const asked = await rawRequest(store.url, "/forgot-password", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: store.url },
        body: "email=ops%40example.com",
      });
      expect(asked.status).toBeLessThan(400);
      // The email exists (written for the operator's eyes only, on disk)…
      const mailDir = join(store.dataDir, "mail");
      // The .json is written last and atomically: once it is there, the email is complete.
      const emails = () =>
        existsSync(mailDir) ? readdirSync(mailDir).filter((f) => f.endsWith(".json")) : [];
      for (let i = 0; i < 100 && emails().length === 0; i++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      const files = emails();
      expect(files.length).toBeGreaterThan(0);
      const { text } = JSON.parse(readFileSync(join(mailDir, files[0]!), "utf8")) as {
        text: string;
      };
      const token = /reset-password\?token=([\w-]+)/.exec(text)?.[1];
      expect(token).toBeTruthy();
      // …and no page shows it.
      for (const path of DEV_SURFACE_PATHS) {
        expect((await rawFollow(store.url, path)).body).not.toContain(token);
      }
      const home = await rawRequest(store.url, "/");
      expect(home.body).not.toMatch(/Dev mailbox/);
    });
  });

  describe("with the emulator explicitly allowed", () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await startTestStore("sqlite", {
        DEMO: "off",
        ALLOW_PAYMENTS_EMULATOR: "true",
        LOG_LEVEL: "info",
      });
    });
    afterAll(() => store?.stop());

    it("announces the emulator at boot and still has no dev mailbox", async () => {
      expect(store.server.logs()).toMatch(
        /ALLOW_PAYMENTS_EMULATOR=true: this store serves the Dodo payment emulator/,
      );
      expect(store.server.logs()).not.toMatch(/dev mailbox at/);
      for (const path of DEV_SURFACE_PATHS.filter((p) => /dev/i.test(p))) {
        expect((await rawFollow(store.url, path)).status, path).toBe(404);
      }
    });

    it("keeps its own emulator keys under DATA_DIR, never a constant from the source", async () => {
      const secrets = join(store.dataDir, "secrets");
      const apiKey = readFileSync(join(secrets, "emulator-api-key"), "utf8").trim();
      expect(apiKey).not.toBe(OLD_EMULATOR_API_KEY);
      expect(apiKey.length).toBeGreaterThan(40);
      for (const name of readdirSync(secrets)) {
        expect(statSync(join(secrets, name)).mode & 0o077, name).toBe(0);
      }
      const list = (key: string) =>
        rawRequest(store.url, "/_dodo/payments", { headers: { authorization: `Bearer ${key}` } });
      expect((await list(OLD_EMULATOR_API_KEY)).status).toBe(401);
      expect((await list("")).status).toBe(401);
      expect((await list(apiKey)).status).toBe(200);
    });
  });

  it("gives every store its own secrets", async () => {
    const stores = [await startTestStore("sqlite"), await startTestStore("sqlite")];
    try {
      const read = (store: TestStore, name: string) =>
        readFileSync(join(store.dataDir, "secrets", name), "utf8").trim();
      for (const name of ["emulator-api-key", "emulator-webhook-key", "download-secret"]) {
        expect(read(stores[0]!, name), name).not.toBe(read(stores[1]!, name));
      }
      expect(read(stores[0]!, "emulator-webhook-key")).toMatch(/^whsec_/);
    } finally {
      await Promise.all(stores.map((s) => s.stop()));
    }
  });
});

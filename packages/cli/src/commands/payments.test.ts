import { createAppServices } from "@digistore/api";
import { loadServerConfig } from "@digistore/config";
import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import { createPublishedProduct, createTestCatalogDeps } from "@digistore/domain-catalog/testing";
import { createTestOrder, paymentEvent } from "@digistore/domain-orders/testing";
import { createTestUser } from "@digistore/domain-users/testing";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../main";
import { capture } from "../testing";

describe.each(testDialects())("digistore payments on %s", (dialect) => {
  let t: TestDb;
  let env: Record<string, string>;
  beforeEach(async () => {
    const dir = mkdtempSync(join(tmpdir(), "digistore-cli-pay-"));
    t = await createTestDb({ dialect, file: join(dir, "x.db") });
    env = { DATABASE_URL: t.url, DATA_DIR: dir };
  });
  afterEach(() => t.close());

  it("replays a stored event by the provider's id, re-deriving its order", async () => {
    const catalog = createTestCatalogDeps(t);
    const seller = await createTestUser(t.db, { seller: true });
    const buyer = await createTestUser(t.db);
    const product = await createPublishedProduct(catalog, seller.user.id, { price: 900 });
    await createTestOrder(t.db, {
      id: "0190f0f0-0000-7000-8000-0000000000aa",
      userId: buyer.user.id,
      productId: product.id,
      amount: 900,
      checkoutId: "cks_1",
    });
    // The event arrives as on the server: through the store's own composition.
    const store = await createAppServices(loadServerConfig(env), { db: t, withEmulator: false });
    await store.services.paymentEvents.ingest(
      paymentEvent(
        "0190f0f0-0000-7000-8000-0000000000aa",
        { kind: "payment", status: "succeeded", amount: 900, currency: "USD" },
        { eventId: "evt_cli" },
      ),
    );
    await store.close();
    const replay = capture();
    expect(await main(["payments", "replay", "evt_cli"], env, replay.runtime)).toBe(0);
    expect(replay.out).toEqual(["Event evt_cli: processed."]);
    const unknown = capture();
    expect(await main(["payments", "replay", "evt_nope"], env, unknown.runtime)).toBe(1);
    expect(unknown.err).toEqual(["No stored event evt_nope."]);
    catalog.cleanup();
  });

  it("reconciles with nothing stale, and refuses unknown actions", async () => {
    const run = capture();
    expect(await main(["payments", "reconcile"], env, run.runtime)).toBe(0);
    expect(run.out[1]).toBe("Checked 0 pending order(s) older than an hour with the provider.");
    expect(await main(["payments", "refund-everything"], env, capture().runtime)).toBe(2);
  });
});

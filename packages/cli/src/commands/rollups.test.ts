import {
  createTestDb,
  insertSellerProduct,
  testDialects,
  type TestDb,
} from "@digistore/db/testing";
import { createTestOrder } from "@digistore/domain-orders/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../main";
import { capture } from "../testing";

describe.each(testDialects())("digistore rollups on %s", (dialect) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb({
      dialect,
      file: `/tmp/digistore-cli-rollups-${process.pid}-${Date.now()}.db`,
    });
  });
  afterEach(() => t.close());

  it("reports rollups that differ from the orders, rebuilds them, and then finds none", async () => {
    const env = { DATABASE_URL: t.url };
    const product = await insertSellerProduct(t.db, { amount: 2500 });
    // A paid order written behind the order hook's back: the rollups do not know it.
    await createTestOrder(t.db, {
      userId: product.sellerId,
      productId: product.id,
      amount: 2500,
      status: "paid",
      at: new Date("2026-12-01T10:00:00.000Z"),
    });
    const check = capture();
    expect(await main(["rollups", "check"], env, check.runtime)).toBe(1);
    expect(check.out).toEqual([
      "Sales rollups: 1 hour rows and 0 day rows differ from the orders.",
    ]);
    const rebuild = capture();
    expect(await main(["rollups", "rebuild"], env, rebuild.runtime)).toBe(0);
    expect(rebuild.out.at(-1)).toBe("Rebuilt from the orders.");
    const gross = await t.db.selectFrom("sales_days").select(["product_id", "gross"]).execute();
    expect(gross.sort((a, b) => a.product_id.localeCompare(b.product_id))).toEqual([
      { product_id: "", gross: 2500 },
      { product_id: product.id, gross: 2500 },
    ]);
    const again = capture();
    expect(await main(["rollups"], env, again.runtime)).toBe(0);
    expect(again.out).toEqual([
      "Sales rollups: 0 hour rows and 0 day rows differ from the orders.",
    ]);
    const wrong = capture();
    expect(await main(["rollups", "sideways"], env, wrong.runtime)).toBe(2);
  });
});

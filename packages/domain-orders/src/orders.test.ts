import {
  ConflictError,
  ForbiddenError,
  HOUR,
  NotFoundError,
  ServiceUnavailableError,
  ValidationError,
} from "@digistore/core";
import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import { addProductVersion, getProduct } from "@digistore/domain-catalog";
import {
  bytes,
  createPublishedProduct,
  ctxFor,
  sellerActor,
} from "@digistore/domain-catalog/testing";
import { createTestUser } from "@digistore/domain-users/testing";
import type { User } from "@digistore/domain-users";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getAccess } from "./access";
import { authorizeDownload } from "./authorize-download";
import { expirePendingOrders } from "./expire-pending-orders";
import { ingestPaymentEvent } from "./ingest-payment-event";
import { listLibrary } from "./list-library";
import { listOrders } from "./list-orders";
import { openDownload } from "./open-download";
import { type PaymentFact } from "./provider";
import { reprocessPaymentEvent } from "./reprocess-payment-event";
import { startCheckout } from "./start-checkout";
import { createTestOrdersEnv, paymentEvent } from "./testing";

const PRICE = 1500;

describe.each(testDialects())("orders and access on %s", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestOrdersEnv>;
  let seller: User;
  let buyer: User;
  let product: Awaited<ReturnType<typeof createPublishedProduct>>;

  beforeEach(async () => {
    t = await createTestDb({ dialect });
    env = createTestOrdersEnv(t);
    seller = (await createTestUser(t.db, { seller: true })).user;
    buyer = (await createTestUser(t.db)).user;
    product = await createPublishedProduct(env.catalog, seller.id, {
      title: "Icons",
      price: PRICE,
      content: "the file bytes",
    });
  });
  afterEach(async () => {
    env.cleanup();
    await t.close();
  });

  const checkout = (user: User = buyer) =>
    startCheckout(env.ctxFor(user), { productSlug: product.slug, billingCountry: "de" });
  const ingest = (
    orderId: string | null,
    fact: PaymentFact,
    options: Parameters<typeof paymentEvent>[2] = {},
  ) => ingestPaymentEvent(env.ctx, paymentEvent(orderId, fact, options));
  const paid: PaymentFact = {
    kind: "payment",
    status: "succeeded",
    amount: PRICE,
    currency: "USD",
  };
  const count = async (table: "purchased_products" | "orders" | "payment_events") =>
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n;
  const access = () => getAccess(t.db, buyer, { id: product.id, sellerId: seller.id });
  const orderRow = (id: string) =>
    t.db.selectFrom("orders").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

  describe("checkout", () => {
    it("stores a pending order with a price snapshot and sends the buyer to the provider", async () => {
      const placed = await checkout();
      expect(placed.redirectUrl).toBe(`https://pay.test/checkout/${placed.orderId}`);
      const row = await orderRow(placed.orderId);
      expect(row).toMatchObject({
        status: "pending",
        amount: PRICE,
        currency: "USD",
        billing_country: "DE",
        kind: "product",
      });
      expect(env.provider.checkouts[0]).toMatchObject({
        orderId: placed.orderId,
        customer: { email: buyer.email },
        returnUrl: `http://store.test/checkout/return?order=${placed.orderId}`,
      });
      expect(await access()).toBe("none");
      // A second attempt is a new order; the first stays for history.
      const again = await checkout();
      expect(again.orderId).not.toBe(placed.orderId);
      expect(await count("orders")).toBe(2);
    });

    it("refuses the unverified, staff, the seller, unknown products, bad countries and owners", async () => {
      const unverified = (await createTestUser(t.db, { verified: false })).user;
      const staff = (await createTestUser(t.db, { staff: true })).user;
      await expect(checkout(unverified)).rejects.toThrow(/Verify your email/);
      await expect(checkout(staff)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(checkout(seller)).rejects.toThrow("You cannot buy your own product.");
      await expect(
        startCheckout(env.ctxFor(buyer), { productSlug: "nope", billingCountry: "DE" }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        startCheckout(env.ctxFor(buyer), { productSlug: product.slug, billingCountry: "Germany" }),
      ).rejects.toBeInstanceOf(ValidationError);
      expect(await count("orders")).toBe(0);
      const placed = await checkout();
      await ingest(placed.orderId, paid);
      await expect(checkout()).rejects.toBeInstanceOf(ConflictError);
    });

    it("keeps the order, cancelled, when the provider cannot open a checkout", async () => {
      env.provider.failNextCheckout = true;
      await expect(checkout()).rejects.toBeInstanceOf(ServiceUnavailableError);
      const [row] = await t.db.selectFrom("orders").selectAll().execute();
      expect(row?.status).toBe("cancelled");
    });
  });

  describe("payment events", () => {
    it("grants access only from a verified success event, with one receipt", async () => {
      const { orderId } = await checkout();
      expect(await access()).toBe("none");
      expect(await ingest(orderId, paid)).toMatchObject({ outcome: "processed" });
      expect(await access()).toBe("owner");
      expect((await orderRow(orderId)).status).toBe("paid");
      expect(await env.emails.ofKind("receipt")).toHaveLength(1);
      expect((await getProduct({ db: t.db }, product.id)).salesCount).toBe(1);
    });

    it("processes the same event delivered 50 times at once exactly once", async () => {
      const { orderId } = await checkout();
      const event = paymentEvent(orderId, paid, { eventId: "evt_same" });
      const outcomes = await Promise.all(
        Array.from({ length: 50 }, () => ingestPaymentEvent(env.ctx, event)),
      );
      expect(outcomes.filter((o) => o.outcome === "processed")).toHaveLength(1);
      expect(outcomes.filter((o) => o.outcome === "duplicate")).toHaveLength(49);
      expect(await count("purchased_products")).toBe(1);
      expect(await count("payment_events")).toBe(1);
      expect(await env.emails.ofKind("receipt")).toHaveLength(1);
    });

    it("ends revoked when the refund arrives before the success", async () => {
      const { orderId } = await checkout();
      await ingest(
        orderId,
        { kind: "refund", refundId: "ref_1", status: "succeeded", amount: PRICE },
        { occurredAt: "2026-11-21T10:05:00.000Z" },
      );
      await ingest(orderId, paid, { occurredAt: "2026-11-21T10:00:00.000Z" });
      expect(await access()).toBe("revoked");
      const row = await orderRow(orderId);
      expect(row).toMatchObject({ status: "refunded", refunded_amount: PRICE });
      const grant = await t.db
        .selectFrom("purchased_products")
        .selectAll()
        .executeTakeFirstOrThrow();
      expect(grant).toMatchObject({ revoke_reason: "refunded", order_id: orderId });
    });

    it("keeps access after a partial refund and revokes it (keeping the row) after the rest", async () => {
      const { orderId } = await checkout();
      await ingest(orderId, paid);
      await ingest(orderId, {
        kind: "refund",
        refundId: "ref_1",
        status: "succeeded",
        amount: 500,
      });
      expect(await access()).toBe("owner");
      expect((await orderRow(orderId)).status).toBe("partially_refunded");
      await ingest(orderId, {
        kind: "refund",
        refundId: "ref_2",
        status: "succeeded",
        amount: PRICE - 500,
      });
      expect(await access()).toBe("revoked");
      expect(await count("purchased_products")).toBe(1);
      expect(
        (await env.emails.sent())
          .filter((e) => e.kind === "refund_notice")
          .map((e) => ("full" in e ? e.full : null)),
      ).toEqual([false, true]);
    });

    it("suspends on an open dispute, restores when won, revokes when lost", async () => {
      const { orderId } = await checkout();
      await ingest(orderId, paid, { occurredAt: "2026-11-21T10:00:00.000Z" });
      await ingest(
        orderId,
        { kind: "dispute", disputeId: "dis_1", status: "opened" },
        { occurredAt: "2026-11-21T11:00:00.000Z" },
      );
      expect([await access(), (await orderRow(orderId)).status]).toEqual(["suspended", "disputed"]);
      await ingest(
        orderId,
        { kind: "dispute", disputeId: "dis_1", status: "won" },
        { occurredAt: "2026-11-21T12:00:00.000Z" },
      );
      expect([await access(), (await orderRow(orderId)).status]).toEqual(["owner", "paid"]);
      await ingest(
        orderId,
        { kind: "dispute", disputeId: "dis_2", status: "opened" },
        { occurredAt: "2026-11-21T13:00:00.000Z" },
      );
      await ingest(
        orderId,
        { kind: "dispute", disputeId: "dis_2", status: "lost" },
        { occurredAt: "2026-11-21T14:00:00.000Z" },
      );
      expect(await access()).toBe("revoked");
    });

    it("converges to the same state whatever order events arrive in", async () => {
      const facts: [PaymentFact, string][] = [
        [paid, "2026-11-21T10:00:00.000Z"],
        [
          { kind: "refund", refundId: "ref_1", status: "succeeded", amount: 300 },
          "2026-11-21T11:00:00.000Z",
        ],
        [{ kind: "dispute", disputeId: "dis_1", status: "opened" }, "2026-11-21T12:00:00.000Z"],
        [{ kind: "dispute", disputeId: "dis_1", status: "won" }, "2026-11-21T13:00:00.000Z"],
      ];
      const orders = [
        [0, 1, 2, 3],
        [3, 2, 1, 0],
        [2, 0, 3, 1],
        [1, 3, 0, 2],
      ];
      const outcomes = [];
      for (const [i, permutation] of orders.entries()) {
        const user = i === 0 ? buyer : (await createTestUser(t.db)).user;
        const { orderId } = await checkout(user);
        for (const index of permutation)
          await ingest(orderId, facts[index]![0], { occurredAt: facts[index]![1] });
        const row = await orderRow(orderId);
        outcomes.push([
          row.status,
          row.refunded_amount,
          await getAccess(t.db, user, { id: product.id, sellerId: seller.id }),
        ]);
      }
      expect(outcomes).toEqual(Array(4).fill(["partially_refunded", 300, "owner"]));
    });

    it("ignores a success for less than the order's price or in another currency", async () => {
      const { orderId } = await checkout();
      await ingest(orderId, {
        kind: "payment",
        status: "succeeded",
        amount: PRICE - 1,
        currency: "USD",
      });
      await ingest(orderId, {
        kind: "payment",
        status: "succeeded",
        amount: PRICE,
        currency: "EUR",
      });
      expect([(await orderRow(orderId)).status, await access()]).toEqual(["pending", "none"]);
    });

    it("stores an event for an unknown order, answers it, and grants nothing", async () => {
      expect(await ingest("0190f0f0-0000-7000-8000-00000000dead", paid)).toMatchObject({
        outcome: "unmatched",
      });
      expect(await ingest(null, paid)).toMatchObject({ outcome: "unmatched" });
      const events = await t.db.selectFrom("payment_events").selectAll().execute();
      expect(events.map((e) => e.outcome)).toEqual(["unmatched", "unmatched"]);
      expect(await count("purchased_products")).toBe(0);
    });

    it("keeps an event whose applying fails, flagged, with none of its half-done writes", async () => {
      const { orderId } = await checkout();
      let broken = true;
      // Fails after the order, grant, sales count and receipt were written in the transaction.
      const deps = {
        ...env.ctx,
        orderHooks: [
          () => (broken ? Promise.reject(new Error("hook exploded")) : Promise.resolve()),
        ],
      };
      const event = paymentEvent(orderId, paid, { eventId: "evt_breaks" });
      const answer = await ingestPaymentEvent(deps, event);
      expect(answer).toEqual({ outcome: "failed", eventId: "evt_breaks" });
      const [stored] = await t.db.selectFrom("payment_events").selectAll().execute();
      expect(stored).toMatchObject({
        outcome: "failed",
        error: "hook exploded",
        processed_at: null,
      });
      expect((await orderRow(orderId)).status).toBe("pending");
      expect(await count("purchased_products")).toBe(0);
      // (The recording email port is in memory, so the outbox row is judged by its siblings.)
      expect((await getProduct({ db: t.db }, product.id)).salesCount).toBe(0);

      // The same delivery again is a duplicate; staff re-process once the cause is fixed.
      expect(await ingestPaymentEvent(deps, event)).toMatchObject({ outcome: "duplicate" });
      broken = false;
      expect(await reprocessPaymentEvent(deps, { id: stored!.id })).toBe("processed");
      expect(await access()).toBe("owner");
      const after = await t.db.selectFrom("payment_events").selectAll().executeTakeFirstOrThrow();
      expect(after).toMatchObject({ outcome: "processed", error: null });
      expect((await getProduct({ db: t.db }, product.id)).salesCount).toBe(1);
    });

    it("has the database refuse a second grant for the same user and product", async () => {
      const { orderId } = await checkout();
      await ingest(orderId, paid);
      await expect(
        t.db
          .insertInto("purchased_products")
          .values({
            id: "x",
            user_id: buyer.id,
            product_id: product.id,
            order_id: orderId,
            created_at: "2026-01-01",
            revoked_at: null,
            revoke_reason: null,
            suspended_at: null,
          })
          .execute(),
      ).rejects.toThrow();
    });
  });

  describe("history and expiry", () => {
    it("lists every order including failed ones, and expires stale pending orders after 24 h", async () => {
      const failed = await checkout();
      await ingest(failed.orderId, {
        kind: "payment",
        status: "failed",
        amount: PRICE,
        currency: "USD",
      });
      const stale = await checkout();
      env.catalog.clock.advance(24 * HOUR + 1);
      expect(await expirePendingOrders(env.ctx)).toBe(1);
      const orders = await listOrders(env.ctxFor(buyer));
      expect(orders.map((o) => o.status).sort()).toEqual(["expired", "failed"]);
      expect(orders.find((o) => o.id === stale.orderId)?.productTitle).toBe("Icons");
      expect(
        await listLibrary({ ...env.ctxFor(buyer), catalogLimits: { updatedBadgeMs: 1000 } }),
      ).toEqual([]);
    });
  });

  describe("downloads", () => {
    async function owned() {
      const { orderId } = await checkout();
      await ingest(orderId, paid);
      return orderId;
    }
    const read = async (result: Awaited<ReturnType<typeof openDownload>>) => {
      if (!result.ok) return `${result.status}`;
      let text = "";
      for await (const chunk of result.body) text += String(chunk);
      return text;
    };

    it("serves owners and the seller, with ranges, and logs each download", async () => {
      await owned();
      const link = await authorizeDownload(env.ctxFor(buyer), { productId: product.id });
      const token = link.url.split("/").pop()!;
      expect(await read(await openDownload(env.ctxFor(buyer), { token }))).toBe("the file bytes");
      expect(
        await read(
          await openDownload(env.ctxFor(buyer), { token, range: () => ({ start: 4, end: 7 }) }),
        ),
      ).toBe("file");
      const sellerLink = await authorizeDownload(env.ctxFor(seller), { productId: product.id });
      expect(
        await read(
          await openDownload(env.ctxFor(seller), { token: sellerLink.url.split("/").pop()! }),
        ),
      ).toBe("the file bytes");
      const logged = await t.db.selectFrom("downloads").selectAll().execute();
      expect(logged).toHaveLength(3);
    });

    it("refuses non-owners, expired, tampered and foreign links, and revoked access", async () => {
      const stranger = (await createTestUser(t.db)).user;
      await expect(
        authorizeDownload(env.ctxFor(stranger), { productId: product.id }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      const orderId = await owned();
      const token = (await authorizeDownload(env.ctxFor(buyer), { productId: product.id })).url
        .split("/")
        .pop()!;
      expect(await read(await openDownload(env.ctxFor(stranger), { token }))).toBe("403");
      expect(await read(await openDownload(env.ctxFor(null), { token }))).toBe("403");
      const tampered = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
      expect(await read(await openDownload(env.ctxFor(buyer), { token: tampered }))).toBe("403");
      expect(await read(await openDownload(env.ctxFor(buyer), { token: "garbage" }))).toBe("403");
      env.catalog.clock.advance(5 * 60 * 1000 + 1);
      expect(await read(await openDownload(env.ctxFor(buyer), { token }))).toBe("410");

      const fresh = (await authorizeDownload(env.ctxFor(buyer), { productId: product.id })).url
        .split("/")
        .pop()!;
      await ingest(orderId, {
        kind: "refund",
        refundId: "ref_x",
        status: "succeeded",
        amount: PRICE,
      });
      expect(await read(await openDownload(env.ctxFor(buyer), { token: fresh }))).toBe("403");
      await expect(authorizeDownload(env.ctxFor(buyer), { productId: product.id })).rejects.toThrow(
        /revoked/,
      );
    });

    it("gives owners every later version at no cost", async () => {
      await owned();
      await addProductVersion(
        ctxFor(env.catalog, sellerActor(seller.id)),
        { productId: product.id, label: "2.0.0", fileName: "v2.zip" },
        bytes("version two"),
      );
      const token = (await authorizeDownload(env.ctxFor(buyer), { productId: product.id })).url
        .split("/")
        .pop()!;
      expect(await read(await openDownload(env.ctxFor(buyer), { token }))).toBe("version two");
      const [item] = await listLibrary({
        ...env.ctxFor(buyer),
        catalogLimits: { updatedBadgeMs: 3 * 24 * HOUR },
      });
      expect(item).toMatchObject({ title: "Icons", access: "owner", updated: true });
    });

    it("refuses a version of another product", async () => {
      await owned();
      const other = await createPublishedProduct(env.catalog, seller.id, { title: "Other" });
      await expect(
        authorizeDownload(env.ctxFor(buyer), {
          productId: product.id,
          versionId: other.currentVersionId!,
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        authorizeDownload(env.ctxFor(buyer), { productId: other.id }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    });
  });
});

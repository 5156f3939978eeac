import {
  ConflictError,
  DAY,
  ForbiddenError,
  HOUR,
  MINUTE,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
} from "@digistore/core";
import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import { createPublishedProduct } from "@digistore/domain-catalog/testing";
import { expirePendingOrders, type PaymentFact } from "@digistore/domain-orders";
import type { User } from "@digistore/domain-users";
import { createTestUser } from "@digistore/domain-users/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeStaleResolvedRequests } from "./close-stale-resolved-requests";
import { closeSupportRequest } from "./close-support-request";
import { getSupportThread } from "./get-support-thread";
import { hasActiveSupportRequest } from "./has-active-support-request";
import { listMySupportRequests } from "./list-my-support-requests";
import { listSellerInbox } from "./list-seller-inbox";
import { openSupportRequest } from "./open-support-request";
import { replyToSupportRequest } from "./reply-to-support-request";
import { resolveSupportRequest } from "./resolve-support-request";
import { getSupportEligibility } from "./support-eligibility";
import {
  buyProduct,
  createSupportScenario,
  createTestSupportEnv,
  deliver,
  payFor,
  supportInput,
  type SupportScenario,
  type TestSupportEnv,
} from "./testing";

const SUPPORT_PRICE = 4900;

describe.each(testDialects())("support requests on %s", (dialect) => {
  let t: TestDb;
  let env: TestSupportEnv;
  let s: SupportScenario;

  beforeEach(async () => {
    t = await createTestDb({ dialect });
    env = createTestSupportEnv(t);
    s = await createSupportScenario(env, { supportPrice: SUPPORT_PRICE });
  });
  afterEach(async () => {
    env.cleanup();
    await t.close();
  });

  const as = (user: User) => env.ctxFor(user);
  const tick = () => env.clock.advance(MINUTE);
  const open = (user: User = s.customer, overrides: Record<string, unknown> = {}) =>
    openSupportRequest(as(user), supportInput(s.product.id, overrides));
  /** A request that is paid and open. */
  async function openPaid(user: User = s.customer) {
    const opened = await open(user);
    await payFor(env, opened.orderId);
    tick();
    return opened.requestId;
  }
  const request = (id: string) =>
    t.db.selectFrom("support_requests").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const status = async (id: string) => (await request(id)).status;
  const count = async (table: "support_requests" | "support_messages") =>
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n;
  const supportOrders = () =>
    t.db.selectFrom("orders").selectAll().where("kind", "=", "support").execute();
  const purchaseId = async () =>
    (
      await t.db
        .selectFrom("purchased_products")
        .select("id")
        .where("user_id", "=", s.customer.id)
        .executeTakeFirstOrThrow()
    ).id;
  const reply = (user: User, requestId: string, body = "Here is more detail.") =>
    replyToSupportRequest(as(user), { requestId, body });
  const resolve = (user: User, requestId: string) => resolveSupportRequest(as(user), { requestId });
  const close = (user: User, requestId: string) => closeSupportRequest(as(user), { requestId });

  describe("opening", () => {
    it("stores a request awaiting payment, its first message, and its own support order", async () => {
      const opened = await open(s.customer, {
        subject: "  The icons do not import  ",
        message: "\n  Figma says the file is damaged.  \n",
      });
      expect(opened.redirectUrl).toBe(`https://pay.test/checkout/${opened.orderId}`);
      expect(await request(opened.requestId)).toMatchObject({
        status: "awaiting_payment",
        order_id: opened.orderId,
        user_id: s.customer.id,
        seller_id: s.seller.id,
        product_id: s.product.id,
        purchase_id: await purchaseId(),
        subject: "The icons do not import",
        paid_at: null,
      });
      const [order] = await supportOrders();
      expect(order).toMatchObject({
        id: opened.orderId,
        kind: "support",
        amount: SUPPORT_PRICE,
        currency: "USD",
        status: "pending",
        billing_country: "DE",
      });
      expect(env.provider.checkouts.at(-1)).toMatchObject({
        orderId: opened.orderId,
        kind: "support",
        price: { amount: SUPPORT_PRICE, currency: "USD" },
      });
      const thread = await getSupportThread(as(s.customer), { requestId: opened.requestId });
      expect(thread.messages.map((m) => [m.authorRole, m.body])).toEqual([
        ["customer", "Figma says the file is damaged."],
      ]);
      expect(thread.actions).toEqual({ reply: false, resolve: false, close: false });
      // Unpaid: not the seller's business yet, and nobody is emailed.
      expect(await listSellerInbox(as(s.seller))).toEqual([]);
      expect(await env.emails.sent()).toEqual([]);
      expect(await hasActiveSupportRequest(t.db, await purchaseId())).toBe(true);
    });

    it("opens when its payment lands: once, with one seller email, however often the webhook comes", async () => {
      const { requestId, orderId } = await open();
      const first = await payFor(env, orderId, { eventId: "evt_paid" });
      const again = await payFor(env, orderId, { eventId: "evt_paid" });
      expect([first.outcome, again.outcome]).toEqual(["processed", "duplicate"]);
      const paidAt = (await request(requestId)).paid_at;
      tick();
      // The provider re-sends the same fact under a new event id: state-based, nothing moves.
      expect((await payFor(env, orderId, { eventId: "evt_paid_resent" })).outcome).toBe(
        "processed",
      );
      expect(await request(requestId)).toMatchObject({ status: "open", paid_at: paidAt });
      expect(paidAt).not.toBeNull();
      expect(await env.emails.ofKind("support_paid")).toEqual([
        {
          kind: "support_paid",
          to: s.seller.email,
          displayName: "Sam Seller",
          requestId,
          productTitle: "Icon Pack",
          subject: "The icons do not import",
          customerName: "Cleo Customer",
          path: `/seller/support/${requestId}`,
        },
      ]);
      // The orders domain sends the customer one receipt for the support order.
      expect(
        (await env.orderEmails.ofKind("receipt")).filter((e) => e.orderKind === "support"),
      ).toHaveLength(1);
    });

    it("refuses someone who does not own the product, and stores nothing", async () => {
      const stranger = (await createTestUser(t.db)).user;
      const error = await open(stranger).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PreconditionFailedError);
      expect((error as Error).message).toBe("Support is for owners of this product.");
      const staff = (await createTestUser(t.db, { staff: true })).user;
      await expect(open(staff)).rejects.toBeInstanceOf(PreconditionFailedError);
      expect(await supportOrders()).toEqual([]);
      expect(await count("support_requests")).toBe(0);
    });

    it("refuses an owner whose access was revoked by a refund", async () => {
      await deliver(env, s.purchaseOrderId, {
        kind: "refund",
        refundId: "ref_product",
        status: "succeeded",
        amount: s.product.price.amount,
      });
      await expect(open()).rejects.toThrow(/Support is for owners of this product: .*revoked/);
      await expect(open()).rejects.toBeInstanceOf(PreconditionFailedError);
      expect(await supportOrders()).toEqual([]);
    });

    it("refuses an owner whose access is suspended by an open dispute", async () => {
      await deliver(env, s.purchaseOrderId, {
        kind: "dispute",
        disputeId: "dis_1",
        status: "opened",
      });
      await expect(open()).rejects.toThrow(/suspended/);
      await expect(open()).rejects.toBeInstanceOf(PreconditionFailedError);
      expect(await supportOrders()).toEqual([]);
    });

    it("refuses a product without a support price, the seller, and unknown products", async () => {
      const plain = await createPublishedProduct(env.catalog, s.seller.id, {
        title: "No support",
        supportPrice: null,
      });
      await buyProduct(env, s.customer, plain);
      await expect(openSupportRequest(as(s.customer), supportInput(plain.id))).rejects.toThrow(
        new PreconditionFailedError("This product offers no paid support."),
      );
      await expect(open(s.seller)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        openSupportRequest(as(s.customer), supportInput("0190f0f0-0000-7000-8000-00000000dead")),
      ).rejects.toBeInstanceOf(NotFoundError);
      expect(await supportOrders()).toEqual([]);
      expect(await getSupportEligibility(t.db, s.customer, plain)).toMatchObject({
        eligible: false,
        refusal: "no_support",
      });
    });

    it("allows one active request per purchase, and another once it has ended", async () => {
      const first = await openPaid();
      const error = await open().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect(await getSupportEligibility(t.db, s.customer, s.product)).toMatchObject({
        eligible: false,
        refusal: "active_request",
        activeRequestId: first,
      });
      await close(s.customer, first);
      expect(await hasActiveSupportRequest(t.db, await purchaseId())).toBe(false);
      const second = await openPaid();
      expect(second).not.toBe(first);
      expect(await status(first)).toBe("closed");
      expect(await status(second)).toBe("open");
      expect((await listMySupportRequests(as(s.customer))).map((r) => r.id)).toEqual([
        second,
        first,
      ]);
    });

    it("rejects an oversize or empty subject and message with field errors, storing nothing", async () => {
      const error = await open(s.customer, { subject: "x".repeat(201), message: "   " }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors).toMatchObject({
        subject: ["Subject must be at most 200 characters"],
        message: ["Write a message"],
      });
      const empty = await open(s.customer, { subject: " ", message: "y".repeat(10_001) }).catch(
        (e: unknown) => e,
      );
      expect((empty as ValidationError).fieldErrors).toMatchObject({
        subject: ["Enter a subject"],
        message: ["Message must be at most 10,000 characters"],
      });
      await expect(
        open(s.customer, { subject: undefined, message: undefined }),
      ).rejects.toBeInstanceOf(ValidationError);
      expect(await supportOrders()).toEqual([]);
      expect(await count("support_requests")).toBe(0);
      // The limits themselves are fine.
      const ok = await open(s.customer, { subject: "x".repeat(200), message: "y".repeat(10_000) });
      expect((await request(ok.requestId)).subject).toHaveLength(200);
    });

    it("has the database refuse a request without a real purchase", async () => {
      const at = env.clock.now().toISOString();
      const row = {
        id: "fk-test",
        purchase_id: await purchaseId(),
        user_id: s.customer.id,
        product_id: s.product.id,
        seller_id: s.seller.id,
        order_id: s.purchaseOrderId,
        subject: "Direct insert",
        status: "closed" as const,
        created_at: at,
        updated_at: at,
        paid_at: null,
        resolved_at: null,
        closed_at: null,
        last_message_at: at,
        customer_read_at: null,
        seller_read_at: null,
      };
      await expect(
        t.db
          .insertInto("support_requests")
          .values({ ...row, purchase_id: "0190f0f0-0000-7000-8000-00000000dead" })
          .execute(),
      ).rejects.toThrow();
      expect(await count("support_requests")).toBe(0);
      // The same row with the real purchase is fine: only the bogus reference was refused.
      await t.db.insertInto("support_requests").values(row).execute();
      expect(await count("support_requests")).toBe(1);
    });

    it("has the database keep one active request per purchase", async () => {
      const { requestId } = await open();
      const row = await request(requestId);
      const insert = (id: string, orderId: string, status: typeof row.status) =>
        t.db
          .insertInto("support_requests")
          .values({ ...row, id, order_id: orderId, status })
          .execute();
      await expect(insert("second-active", s.purchaseOrderId, "open")).rejects.toThrow();
      // Ended requests do not take the slot.
      await insert("ended", s.purchaseOrderId, "closed");
      expect(await count("support_requests")).toBe(2);
    });

    it("lets exactly one of two concurrent opens win", async () => {
      // Hold both checkouts until both opens have passed every check, so both race the insert.
      const createCheckout = env.provider.createCheckout.bind(env.provider);
      let arrived = 0;
      let release = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      env.provider.createCheckout = async (input) => {
        arrived += 1;
        if (arrived === 2) release();
        await gate;
        return createCheckout(input);
      };
      const results = await Promise.allSettled([open(), open()]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.filter((r) => r.status === "rejected");
      expect(rejected).toHaveLength(1);
      expect(rejected[0]!.reason).toBeInstanceOf(ConflictError);
      expect(await count("support_requests")).toBe(1);
      expect(await count("support_messages")).toBe(1);
      // The loser's order was placed but never shown; it stays pending and will expire.
      expect((await supportOrders()).map((o) => o.status)).toEqual(["pending", "pending"]);
    });
  });

  describe("the thread", () => {
    it("moves through every status by reply, resolve and close, emailing the other side", async () => {
      const id = await openPaid();
      await reply(s.seller, id, "Try re-downloading version 1.0.0.");
      expect(await status(id)).toBe("answered");
      tick();
      await reply(s.seller, id, "Also check your Figma version.");
      expect(await status(id)).toBe("answered");
      tick();
      await reply(s.customer, id, "Still failing.");
      expect(await status(id)).toBe("open");
      tick();
      await reply(s.customer, id, "Screenshot attached in words: red box.");
      expect(await status(id)).toBe("open");
      tick();
      expect(await resolve(s.seller, id)).toBe("resolved");
      expect((await request(id)).resolved_at).not.toBeNull();
      tick();
      // The customer's reply reopens a resolved request.
      await reply(s.customer, id, "It broke again after the update.");
      expect(await status(id)).toBe("open");
      tick();
      await resolve(s.seller, id);
      tick();
      expect(await close(s.customer, id)).toBe("closed");
      expect((await request(id)).closed_at).not.toBeNull();

      const thread = await getSupportThread(as(s.customer), { requestId: id });
      expect(thread.messages.map((m) => [m.authorRole, m.authorName])).toEqual([
        ["customer", "Cleo Customer"],
        ["seller", "Sam Seller"],
        ["seller", "Sam Seller"],
        ["customer", "Cleo Customer"],
        ["customer", "Cleo Customer"],
        ["customer", "Cleo Customer"],
      ]);
      expect(thread.actions).toEqual({ reply: false, resolve: false, close: false });

      const summary = (await env.emails.sent()).map((e) => [e.kind, e.to, e.path]);
      const toCustomer = `/supports/${id}`;
      const toSeller = `/seller/support/${id}`;
      expect(summary).toEqual([
        ["support_paid", s.seller.email, toSeller],
        ["support_reply", s.customer.email, toCustomer],
        ["support_reply", s.customer.email, toCustomer],
        ["support_reply", s.seller.email, toSeller],
        ["support_reply", s.seller.email, toSeller],
        ["support_resolved", s.customer.email, toCustomer],
        ["support_reply", s.seller.email, toSeller],
        ["support_resolved", s.customer.email, toCustomer],
      ]);
      expect((await env.emails.ofKind("support_reply"))[0]).toMatchObject({
        repliedBy: "seller",
        replierName: "Sam Seller",
        subject: "The icons do not import",
        productTitle: "Icon Pack",
      });
    });

    it("refuses replies, resolves and closes that the lifecycle does not allow", async () => {
      const { requestId: unpaid } = await open();
      await expect(reply(s.customer, unpaid)).rejects.toThrow(
        new PreconditionFailedError("This support request is waiting for its payment."),
      );
      await expect(reply(s.seller, unpaid)).rejects.toBeInstanceOf(PreconditionFailedError);
      await expect(resolve(s.seller, unpaid)).rejects.toBeInstanceOf(PreconditionFailedError);
      await expect(close(s.customer, unpaid)).rejects.toBeInstanceOf(PreconditionFailedError);
      await payFor(env, (await request(unpaid)).order_id);
      const id = unpaid;

      // Roles: the customer does not resolve, the seller does not close.
      await expect(resolve(s.customer, id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(close(s.seller, id)).rejects.toBeInstanceOf(ForbiddenError);

      await resolve(s.seller, id);
      await expect(resolve(s.seller, id)).rejects.toThrow("already resolved");
      await expect(reply(s.seller, id)).rejects.toThrow(/customer can reopen it/);

      await close(s.customer, id);
      const before = (await env.emails.sent()).length;
      await expect(reply(s.customer, id)).rejects.toThrow(
        new PreconditionFailedError(
          "This support request is closed. Open a new one if you need more help.",
        ),
      );
      await expect(reply(s.seller, id)).rejects.toBeInstanceOf(PreconditionFailedError);
      await expect(resolve(s.seller, id)).rejects.toBeInstanceOf(PreconditionFailedError);
      await expect(close(s.customer, id)).rejects.toBeInstanceOf(PreconditionFailedError);
      // Nothing was written or emailed by the refused attempts.
      expect(await count("support_messages")).toBe(1);
      expect(await env.emails.sent()).toHaveLength(before);
    });

    it("rejects an empty or oversize reply with field errors", async () => {
      const id = await openPaid();
      for (const body of ["  ", "z".repeat(10_001)]) {
        const error = await reply(s.customer, id, body).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ValidationError);
        expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(["body"]);
      }
      expect(await count("support_messages")).toBe(1);
    });

    it("refuses to reopen a resolved request while another one is active for the purchase", async () => {
      const first = await openPaid();
      await resolve(s.seller, first);
      const second = await openPaid();
      await expect(reply(s.customer, first)).rejects.toBeInstanceOf(ConflictError);
      expect(await status(first)).toBe("resolved");
      expect(await status(second)).toBe("open");
    });
  });

  describe("who sees a request", () => {
    it("answers NOT_FOUND to another customer and another seller, for every verb", async () => {
      const id = await openPaid();
      const otherCustomer = (await createTestUser(t.db)).user;
      const otherSeller = (await createTestUser(t.db, { seller: true })).user;
      for (const stranger of [otherCustomer, otherSeller]) {
        await expect(getSupportThread(as(stranger), { requestId: id })).rejects.toBeInstanceOf(
          NotFoundError,
        );
        await expect(reply(stranger, id)).rejects.toBeInstanceOf(NotFoundError);
        await expect(resolve(stranger, id)).rejects.toBeInstanceOf(NotFoundError);
        await expect(close(stranger, id)).rejects.toBeInstanceOf(NotFoundError);
      }
      // An unknown id reads the same as someone else's.
      await expect(getSupportThread(as(otherCustomer), { requestId: "nope" })).rejects.toThrow(
        "Support request not found.",
      );
      expect(await listSellerInbox(as(otherSeller))).toEqual([]);
      expect(await listMySupportRequests(as(otherCustomer))).toEqual([]);
    });

    it("lets staff read without touching markers, and answer on the store's side", async () => {
      const id = await openPaid();
      const staff = (await createTestUser(t.db, { staff: true, displayName: "Stella Staff" })).user;
      const before = await request(id);
      const thread = await getSupportThread(as(staff), { requestId: id });
      expect(thread.viewerRole).toBe("staff");
      expect(thread.request.unread).toBe(false);
      expect(thread.actions).toEqual({ reply: true, resolve: true, close: true });
      const after = await request(id);
      expect([after.customer_read_at, after.seller_read_at]).toEqual([
        before.customer_read_at,
        before.seller_read_at,
      ]);
      await reply(staff, id, "Staff here: this is a known Figma bug.");
      expect(await status(id)).toBe("answered");
      expect((await env.emails.ofKind("support_reply")).at(-1)).toMatchObject({
        to: s.customer.email,
        repliedBy: "staff",
        replierName: "Stella Staff",
        path: `/supports/${id}`,
      });
      tick();
      // Unread for both sides: neither wrote it.
      expect((await listMySupportRequests(as(s.customer)))[0]?.unread).toBe(true);
      expect((await listSellerInbox(as(s.seller)))[0]?.unread).toBe(true);
      // A customer's page lists their requests, and only theirs.
      const theirs = await listSellerInbox(as(s.seller), { customerId: s.customer.id });
      expect(theirs.map((r) => r.id)).toEqual([id]);
      expect(await listSellerInbox(as(s.seller), { customerId: staff.id })).toEqual([]);
      expect(await resolve(staff, id)).toBe("resolved");
      expect(await close(staff, id)).toBe("closed");
    });
  });

  describe("the support order's fate", () => {
    const refund = (amount: number, refundId = "ref_support"): PaymentFact => ({
      kind: "refund",
      refundId,
      status: "succeeded",
      amount,
    });

    it("cancels the request on a refund, keeping the thread readable", async () => {
      const id = await openPaid();
      await reply(s.seller, id, "Looking into it.");
      await deliver(env, (await request(id)).order_id, refund(SUPPORT_PRICE));
      expect(await status(id)).toBe("cancelled");
      const thread = await getSupportThread(as(s.customer), { requestId: id });
      expect(thread.messages).toHaveLength(2);
      expect(thread.request.status).toBe("cancelled");
      expect((await getSupportThread(as(s.seller), { requestId: id })).messages).toHaveLength(2);
      await expect(reply(s.customer, id)).rejects.toThrow(/cancelled/);
      // A refund is not a reason to lose the product: the customer can ask again.
      expect(await hasActiveSupportRequest(t.db, await purchaseId())).toBe(false);
      expect(await openPaid()).toBeTruthy();
    });

    it("cancels it on a partial refund too", async () => {
      const id = await openPaid();
      await deliver(env, (await request(id)).order_id, refund(1000));
      const order = await t.db
        .selectFrom("orders")
        .select("status")
        .where("id", "=", (await request(id)).order_id)
        .executeTakeFirstOrThrow();
      expect([order.status, await status(id)]).toEqual(["partially_refunded", "cancelled"]);
    });

    it("expires an unpaid request with its order, and a failed payment too", async () => {
      const stale = await open();
      env.clock.advance(24 * HOUR + 1);
      expect(await expirePendingOrders(env.orders)).toBe(1);
      expect(await status(stale.requestId)).toBe("expired");

      const failed = await open();
      await deliver(env, failed.orderId, {
        kind: "payment",
        status: "failed",
        amount: SUPPORT_PRICE,
        currency: "USD",
      });
      expect(await status(failed.requestId)).toBe("expired");
      expect(await env.emails.sent()).toEqual([]);
      // Expired requests end: the purchase is free for a new one.
      expect(await hasActiveSupportRequest(t.db, await purchaseId())).toBe(false);
      const thread = await getSupportThread(as(s.customer), { requestId: stale.requestId });
      expect(thread.messages).toHaveLength(1);
    });

    it("opens an expired request whose payment landed late, unless another is active", async () => {
      const late = await open();
      env.clock.advance(24 * HOUR + 1);
      await expirePendingOrders(env.orders);
      await payFor(env, late.orderId);
      expect(await status(late.requestId)).toBe("open");
      expect(await env.emails.ofKind("support_paid")).toHaveLength(1);
      await close(s.customer, late.requestId);

      const lateAgain = await open();
      env.clock.advance(24 * HOUR + 1);
      await expirePendingOrders(env.orders);
      const current = await openPaid();
      expect((await payFor(env, lateAgain.orderId)).outcome).toBe("processed");
      expect(await status(lateAgain.requestId)).toBe("expired");
      expect(await status(current)).toBe("open");
    });

    it("ignores product orders", async () => {
      const id = await openPaid();
      await deliver(env, s.purchaseOrderId, refund(500, "ref_product"));
      expect(await status(id)).toBe("open");
    });
  });

  it("closes requests resolved 14 days ago, and only those", async () => {
    const id = await openPaid();
    await resolve(s.seller, id);
    env.clock.advance(14 * DAY - 1);
    expect(await closeStaleResolvedRequests(env.ctx)).toBe(0);
    expect(await status(id)).toBe("resolved");
    env.clock.advance(1);
    expect(await closeStaleResolvedRequests(env.ctx)).toBe(1);
    expect(await request(id)).toMatchObject({
      status: "closed",
      closed_at: env.clock.now().toISOString(),
    });
    expect(await closeStaleResolvedRequests(env.ctx)).toBe(0);
  });

  it("keeps an unread marker per side", async () => {
    const id = await openPaid();
    const mine = async () => (await listMySupportRequests(as(s.customer)))[0]!;
    const inbox = async () => (await listSellerInbox(as(s.seller)))[0]!;

    expect((await mine()).unread).toBe(false); // the customer wrote the only message
    expect(await inbox()).toMatchObject({ id, unread: true, lastMessageBy: "customer" });
    tick();
    const seen = await getSupportThread(as(s.seller), { requestId: id });
    expect(seen.request.unread).toBe(false);
    expect((await inbox()).unread).toBe(false);

    tick();
    await reply(s.seller, id, "Answer.");
    expect((await mine()).unread).toBe(true);
    expect((await inbox()).unread).toBe(false); // their own message
    tick();
    await getSupportThread(as(s.customer), { requestId: id });
    expect((await mine()).unread).toBe(false);

    tick();
    await reply(s.customer, id, "Thanks, one more thing.");
    expect((await inbox()).unread).toBe(true);
    expect((await mine()).unread).toBe(false);
  });

  it("filters the seller's inbox by status and product, newest activity first", async () => {
    const first = await openPaid();
    const other = await createPublishedProduct(env.catalog, s.seller.id, {
      title: "Fonts",
      supportPrice: 1000,
    });
    await buyProduct(env, s.customer, other);
    const opened = await openSupportRequest(as(s.customer), supportInput(other.id));
    await payFor(env, opened.orderId);
    tick();
    await reply(s.seller, first, "Answer.");

    expect((await listSellerInbox(as(s.seller))).map((r) => r.id)).toEqual([
      first,
      opened.requestId,
    ]);
    expect(
      (await listSellerInbox(as(s.seller), { status: "open" })).map((r) => r.productTitle),
    ).toEqual(["Fonts"]);
    expect(
      (await listSellerInbox(as(s.seller), { productId: s.product.id })).map((r) => r.id),
    ).toEqual([first]);
    await expect(
      listSellerInbox(as(s.seller), { status: "awaiting_payment" }),
    ).rejects.toBeInstanceOf(ValidationError);
    const [summary] = await listSellerInbox(as(s.seller), { status: "answered" });
    expect(summary).toMatchObject({
      customerName: "Cleo Customer",
      sellerName: "Sam Seller",
      productSlug: s.product.slug,
      lastMessageBy: "seller",
    });
  });
});

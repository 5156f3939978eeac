import { SYSTEM } from "@digistore/core";
import { testDialects } from "@digistore/db/testing";
import { createPublishedProduct, createTestCatalogDeps } from "@digistore/domain-catalog/testing";
import { createTestOrder } from "@digistore/domain-orders/testing";
import { setMaintenance } from "@digistore/domain-site";
import { createSignedInUser } from "@digistore/domain-users/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApi, type TestApi } from "../testing";

type Caller = ReturnType<TestApi["caller"]>;
type Who = "anonymous" | "otherCustomer" | "wrongRole";

/** Rows a refused call must leave alone. */
const WATCHED = ["orders", "support_requests", "payment_events", "email_outbox"] as const;

describe.each(testDialects())(
  "checkout, library, support and staff payments refuse by role on %s",
  (dialect) => {
    let api: TestApi;
    beforeEach(async () => {
      api = await createTestApi(dialect);
    });
    afterEach(() => api.close());

    async function snapshot() {
      const counts: Record<string, number> = {};
      for (const table of WATCHED) {
        const row = await api.testDb.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow();
        counts[table] = Number(row.n);
      }
      return counts;
    }

    it("answers each refusal with its code and changes nothing", async () => {
      const catalog = {
        ...createTestCatalogDeps(api.testDb, { clock: api.clock }),
        storage: api.services.storage,
      };
      const seller = await createSignedInUser(api.testDb.db, { seller: true, clock: api.clock });
      const owner = await createSignedInUser(api.testDb.db, { clock: api.clock });
      const other = await createSignedInUser(api.testDb.db, { clock: api.clock });
      const product = await createPublishedProduct(catalog, seller.user.id, {
        price: 1200,
        supportPrice: 4900,
      });
      const order = await createTestOrder(api.testDb.db, {
        userId: owner.user.id,
        productId: product.id,
        amount: 1200,
        at: api.clock.now(),
      });
      const callers: Record<Who, Caller> = {
        anonymous: api.caller(),
        otherCustomer: api.caller(other.token),
        wrongRole: api.caller(seller.token),
      };
      const cases: {
        name: string;
        run: (c: Caller) => Promise<unknown>;
        expect: Record<Who, string>;
      }[] = [
        {
          name: "checkout.status of another's order",
          run: (c) => c.checkout.status({ orderId: order.id }),
          expect: { anonymous: "UNAUTHORIZED", otherCustomer: "NOT_FOUND", wrongRole: "NOT_FOUND" },
        },
        {
          name: "checkout.start",
          run: (c) => c.checkout.start({ productSlug: product.slug, billingCountry: "DE" }),
          expect: { anonymous: "UNAUTHORIZED", otherCustomer: "ok", wrongRole: "FORBIDDEN" },
        },
        {
          name: "library.download of a product not owned",
          run: (c) => c.library.download({ productId: product.id }),
          // The product's own seller may always fetch it.
          expect: { anonymous: "UNAUTHORIZED", otherCustomer: "FORBIDDEN", wrongRole: "ok" },
        },
        {
          name: "library.orders",
          run: (c) => c.library.orders(),
          expect: { anonymous: "UNAUTHORIZED", otherCustomer: "ok", wrongRole: "ok" },
        },
        {
          name: "support.open on a product not owned",
          run: (c) =>
            c.support.open({
              productId: product.id,
              subject: "The icons do not import",
              message: "Importing the pack fails with an error. What can I do?",
              billingCountry: "DE",
            }),
          expect: {
            anonymous: "UNAUTHORIZED",
            otherCustomer: "PRECONDITION_FAILED",
            wrongRole: "FORBIDDEN",
          },
        },
        {
          name: "support.inbox",
          run: (c) => c.support.inbox({}),
          expect: { anonymous: "UNAUTHORIZED", otherCustomer: "FORBIDDEN", wrongRole: "ok" },
        },
        {
          name: "seller.dashboard of the product's seller",
          run: (c) => c.seller.dashboard({ sellerId: seller.user.id, days: 30 }),
          expect: { anonymous: "UNAUTHORIZED", otherCustomer: "FORBIDDEN", wrongRole: "ok" },
        },
        {
          name: "staff.payments.events",
          run: (c) => c.staff.payments.events({}),
          expect: { anonymous: "UNAUTHORIZED", otherCustomer: "FORBIDDEN", wrongRole: "FORBIDDEN" },
        },
        {
          name: "staff.payments.refund",
          run: (c) => c.staff.payments.refund({ orderId: order.id }),
          expect: { anonymous: "UNAUTHORIZED", otherCustomer: "FORBIDDEN", wrongRole: "FORBIDDEN" },
        },
        {
          name: "staff.payments.reprocess",
          run: (c) => c.staff.payments.reprocess({ id: "evt_nope" }),
          expect: { anonymous: "UNAUTHORIZED", otherCustomer: "FORBIDDEN", wrongRole: "FORBIDDEN" },
        },
      ];
      const outcome = (promise: Promise<unknown>) =>
        promise.then(
          () => "ok",
          (error: { code?: string }) => error.code ?? "?",
        );
      for (const testCase of cases) {
        for (const who of Object.keys(callers) as Who[]) {
          const before = await snapshot();
          const got = await outcome(testCase.run(callers[who]));
          expect(`${testCase.name} as ${who}: ${got}`).toBe(
            `${testCase.name} as ${who}: ${testCase.expect[who]}`,
          );
          if (got !== "ok") expect(await snapshot()).toEqual(before);
        }
      }

      // Maintenance on: a signed-in customer is refused everywhere, and nothing changes.
      await setMaintenance(
        { db: api.testDb.db, clock: api.clock, site: api.services.site, actor: SYSTEM },
        { enabled: true },
      );
      const customer = api.caller(owner.token);
      const before = await snapshot();
      for (const testCase of cases) {
        expect(`${testCase.name}: ${await outcome(testCase.run(customer))}`).toBe(
          `${testCase.name}: SERVICE_UNAVAILABLE`,
        );
      }
      expect(await snapshot()).toEqual(before);
    });
  },
);

import {
  ANONYMOUS,
  ForbiddenError,
  SYSTEM,
  UnauthorizedError,
  ValidationError,
  userActor,
  type Actor,
} from "@digistore/core";
import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import { createTestUser } from "@digistore/domain-users/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkSupportEligibility } from "./check-support-eligibility";
import { closeStaleResolvedRequests } from "./close-stale-resolved-requests";
import { closeSupportRequest } from "./close-support-request";
import { getSupportThread } from "./get-support-thread";
import { listMySupportRequests } from "./list-my-support-requests";
import { listSellerInbox } from "./list-seller-inbox";
import { openSupportRequest } from "./open-support-request";
import { replyToSupportRequest } from "./reply-to-support-request";
import { resolveSupportRequest } from "./resolve-support-request";
import {
  createSupportScenario,
  createTestSupportEnv,
  supportInput,
  type SupportScenario,
  type TestSupportEnv,
} from "./testing";

// Each verb checks who acts itself, before it reads its input or the database.
describe.each(testDialects())("who may call the support verbs, on %s", (dialect) => {
  let t: TestDb;
  let env: TestSupportEnv;
  let s: SupportScenario;

  beforeEach(async () => {
    t = await createTestDb({ dialect });
    env = createTestSupportEnv(t);
    s = await createSupportScenario(env);
  });
  afterEach(async () => {
    env.cleanup();
    await t.close();
  });

  const as = (actor: Actor) => ({ ...env.ctx, actor });
  const requests = () => t.db.selectFrom("support_requests").selectAll().execute();

  it("answers UNAUTHORIZED to anonymous callers and to the store itself where a person acts", async () => {
    for (const actor of [ANONYMOUS, SYSTEM]) {
      const ctx = as(actor);
      const ref = { requestId: "r" };
      for (const call of [
        () => openSupportRequest(ctx, supportInput(s.product.id)),
        () => checkSupportEligibility(ctx, { productId: s.product.id }),
        () => getSupportThread(ctx, ref),
        () => replyToSupportRequest(ctx, { ...ref, body: "hi" }),
        () => resolveSupportRequest(ctx, ref),
        () => closeSupportRequest(ctx, ref),
        () => listMySupportRequests(ctx),
        () => listSellerInbox(ctx),
      ]) {
        await expect(call()).rejects.toBeInstanceOf(UnauthorizedError);
      }
    }
    expect(await requests()).toEqual([]);
  });

  it("keeps the seller inbox for sellers", async () => {
    await expect(listSellerInbox(as(userActor(s.customer)))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await listSellerInbox(as(userActor(s.seller)))).toEqual([]);
  });

  it("closes stale requests only as the store itself or staff", async () => {
    await expect(closeStaleResolvedRequests(as(userActor(s.customer)))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(closeStaleResolvedRequests(as(userActor(s.seller)))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(closeStaleResolvedRequests(as(ANONYMOUS))).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    const staff = (await createTestUser(t.db, { staff: true })).user;
    expect(await closeStaleResolvedRequests(as(userActor(staff)))).toBe(0);
    expect(await closeStaleResolvedRequests(env.ctx)).toBe(0);
  });

  it("refuses bad input with a readable message and changes nothing", async () => {
    const customer = as(userActor(s.customer));
    await expect(getSupportThread(customer, { requestId: "" })).rejects.toThrow(
      "An id is required.",
    );
    await expect(checkSupportEligibility(customer, { productId: "x".repeat(65) })).rejects.toThrow(
      "That id is too long.",
    );
    await expect(listMySupportRequests(customer, { limit: 0 })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(
      listSellerInbox(as(userActor(s.seller)), { limit: 10_000 }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(closeStaleResolvedRequests(env.ctx, { olderThanMs: -1 })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await requests()).toEqual([]);
  });
});

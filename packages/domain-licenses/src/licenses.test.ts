import {
  ConflictError,
  DAY,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthorizedError,
  ValidationError,
} from "@digistore/core";
import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import { createPublishedProduct } from "@digistore/domain-catalog/testing";
import { createTestUser } from "@digistore/domain-users/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { activateLicense } from "./activate-license";
import { deactivateLicense } from "./deactivate-license";
import { getLicensePolicy } from "./get-license-policy";
import { getMyLicense } from "./get-my-license";
import { newLicenseKey } from "./license-key";
import { listProductLicenses } from "./list-product-licenses";
import { releaseMyActivation } from "./release-my-activation";
import { resetLicenseActivations } from "./reset-license-activations";
import { setLicenseDisabled } from "./set-license-disabled";
import { setLicensePolicy } from "./set-license-policy";
import { createTestLicensesEnv, type TestLicensesEnv } from "./testing";
import { validateLicense } from "./validate-license";

describe.each(testDialects())("licence keys on %s", (dialect) => {
  let t: TestDb;
  let env: TestLicensesEnv;

  beforeEach(async () => {
    t = await createTestDb({ dialect });
    env = await createTestLicensesEnv(t);
  });
  afterEach(async () => {
    env.cleanup();
    await t.close();
  });

  const seller = () => env.ctxFor(env.seller);
  const publicApi = (ip?: string) => env.ctxFor(null, ip);
  const turnOn = (fields: { activationLimit?: number | null; validityDays?: number | null } = {}) =>
    setLicensePolicy(seller(), {
      productId: env.product.id,
      enabled: true,
      activationLimit: fields.activationLimit === undefined ? 3 : fields.activationLimit,
      validityDays: fields.validityDays ?? null,
    });
  const keyOf = async () =>
    (await getMyLicense(env.ctxFor(env.customer), { productId: env.product.id }))!;
  const call = (key: string, extra: Record<string, unknown> = {}) => ({
    key,
    productId: env.product.id,
    ...extra,
  });
  const countLicenses = async () =>
    (await t.db.selectFrom("licenses").select("id").execute()).length;

  it("issues one key with the purchase, even when the provider repeats itself", async () => {
    await turnOn();
    const orderId = await env.buy(env.customer);
    const paid = {
      kind: "payment" as const,
      status: "succeeded" as const,
      amount: 2500,
      currency: "USD",
    };
    await env.deliver(orderId, paid, "evt_again");
    await env.deliver(orderId, paid, "evt_again");
    await env.deliver(orderId, paid);
    expect(await countLicenses()).toBe(1);
    const license = await keyOf();
    expect(license).toMatchObject({ status: "active", activationLimit: 3, expiresAt: null });
    expect(license.key).toMatch(/^([2-9A-HJKMNP-TV-Z]{5}-){4}[2-9A-HJKMNP-TV-Z]{5}$/);
    const receipts = await env.emails.ofKind("receipt");
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toMatchObject({ notes: [`Your licence key: ${license.key}`] });
  });

  it("issues nothing while licensing is off, and backfills current owners when it is turned on", async () => {
    await env.buy(env.customer);
    expect(await countLicenses()).toBe(0);
    expect(await getMyLicense(env.ctxFor(env.customer), { productId: env.product.id })).toBeNull();
    await turnOn({ activationLimit: null, validityDays: 365 });
    await turnOn({ activationLimit: null, validityDays: 365 });
    expect(await countLicenses()).toBe(1);
    expect(await keyOf()).toMatchObject({
      activationLimit: null,
      expiresAt: new Date(env.clock.now().getTime() + 365 * DAY).toISOString(),
    });
    expect(await getLicensePolicy(seller(), { productId: env.product.id })).toEqual({
      productId: env.product.id,
      enabled: true,
      activationLimit: null,
      validityDays: 365,
    });
  });

  it("follows access: refund revokes, an open dispute suspends, a won one restores, a lost one revokes", async () => {
    await turnOn();
    const orderId = await env.buy(env.customer);
    const { key } = await keyOf();
    const status = async () => (await validateLicense(publicApi(), call(key))).status;
    const dispute = (s: "opened" | "won" | "lost") =>
      env.deliver(orderId, { kind: "dispute", disputeId: "dsp_1", status: s });

    await dispute("opened");
    expect(await status()).toBe("suspended");
    await expect(
      activateLicense(publicApi(), call(key, { instanceName: "Laptop" })),
    ).rejects.toThrow(ForbiddenError);
    await dispute("won");
    expect(await status()).toBe("active");
    await dispute("lost");
    expect(await status()).toBe("revoked");

    const second = (await createTestUser(t.db)).user;
    const refunded = await env.buy(second);
    const secondKey = (await getMyLicense(env.ctxFor(second), { productId: env.product.id }))!.key;
    await env.deliver(refunded, {
      kind: "refund",
      refundId: "rfd_1",
      status: "succeeded",
      amount: 2500,
      isPartial: false,
    });
    const answer = await validateLicense(publicApi(), call(secondKey));
    expect(answer).toMatchObject({ valid: false, status: "revoked", token: null });
  });

  it("never activates more machines than the limit, even twenty at once", async () => {
    await turnOn({ activationLimit: 3 });
    await env.buy(env.customer);
    const { key } = await keyOf();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        activateLicense(publicApi(`198.51.100.${i}`), call(key, { instanceName: `Machine ${i}` })),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(3);
    for (const r of results) {
      if (r.status === "rejected") expect(r.reason).toBeInstanceOf(ConflictError);
    }
    expect((await keyOf()).activations).toHaveLength(3);
  });

  it("validates a machine only while it is activated, and frees it on deactivate", async () => {
    await turnOn({ activationLimit: 1 });
    await env.buy(env.customer);
    const { key } = await keyOf();
    const activated = await activateLicense(
      publicApi(),
      call(` ${key.toLowerCase()} `, { instanceName: "Studio Mac" }),
    );
    expect(activated).toMatchObject({
      valid: true,
      activationCount: 1,
      instance: { name: "Studio Mac" },
    });
    const instanceId = activated.instance!.id;
    expect((await validateLicense(publicApi(), call(key, { instanceId }))).valid).toBe(true);
    await expect(
      activateLicense(publicApi(), call(key, { instanceName: "Second" })),
    ).rejects.toThrow(/1 of 1 machines/);

    await deactivateLicense(publicApi(), call(key, { instanceId }));
    const after = await validateLicense(publicApi(), call(key, { instanceId }));
    expect(after).toMatchObject({
      valid: false,
      status: "active",
      activationCount: 0,
      token: null,
    });
    await expect(deactivateLicense(publicApi(), call(key, { instanceId }))).rejects.toThrow(
      NotFoundError,
    );
  });

  it("answers a key of another product exactly as an unknown key", async () => {
    await turnOn();
    await env.buy(env.customer);
    const { key } = await keyOf();
    const otherSeller = (await createTestUser(t.db, { seller: true })).user;
    const otherProduct = await createPublishedProduct(env.catalog, otherSeller.id, {
      title: "Other",
    });
    const errorOf = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => e as Error,
      );
    const wrongProduct = await errorOf(
      validateLicense(publicApi(), { key, productId: otherProduct.id }),
    );
    const unknownKey = await errorOf(
      validateLicense(publicApi(), call("AAAAA-BBBBB-CCCCC-DDDDD-EEEEE")),
    );
    expect(wrongProduct).toBeInstanceOf(NotFoundError);
    expect(unknownKey).toBeInstanceOf(NotFoundError);
    expect(wrongProduct!.message).toBe(unknownKey!.message);
  });

  it.each([
    [{ productId: "p" }, /licence key is required/],
    [{ key: "not a key", productId: "p" }, /not a licence key/],
    [{ key: "ABCDE-ABCDE-ABCDE-ABCDE-ABCD1", productId: "p" }, /not a licence key/],
    [{ key: "x".repeat(65), productId: "p" }, /not a licence key/],
    [{ key: "ABCDE-ABCDE-ABCDE-ABCDE-ABCDE" }, /expected string|id is required/i],
  ])("refuses a malformed public call %j", async (input, message) => {
    await expect(validateLicense(publicApi(), input)).rejects.toThrow(ValidationError);
    await expect(validateLicense(publicApi(), input)).rejects.toThrow(message);
  });

  it("refuses an activation without a machine name, or with an absurd one", async () => {
    for (const instanceName of [undefined, "   ", "x".repeat(121)]) {
      await expect(
        activateLicense(publicApi(), call("AAAAA-BBBBB-CCCCC-DDDDD-EEEEE", { instanceName })),
      ).rejects.toThrow(ValidationError);
    }
  });

  it("rate-limits calls per key and per address", async () => {
    await turnOn();
    await env.buy(env.customer);
    const { key } = await keyOf();
    for (let i = 0; i < 60; i++) await validateLicense(publicApi(`192.0.2.${i}`), call(key));
    await expect(validateLicense(publicApi("192.0.2.200"), call(key))).rejects.toThrow(
      RateLimitedError,
    );
    // One address guessing keys: each unknown key counts against the address.
    const outcomes: string[] = [];
    for (let i = 0; i < 301; i++) {
      await validateLicense(publicApi("192.0.2.99"), call(newLicenseKey())).catch((e: unknown) =>
        outcomes.push(e instanceof Error ? e.name : "?"),
      );
    }
    expect(outcomes.filter((name) => name === "NotFoundError")).toHaveLength(300);
    expect(outcomes.at(-1)).toBe("RateLimitedError");
  });

  it("lapses a key with a lifetime when it runs out", async () => {
    await turnOn({ validityDays: 30 });
    await env.buy(env.customer);
    const { key } = await keyOf();
    env.clock.advance(31 * DAY);
    expect(await validateLicense(publicApi(), call(key))).toMatchObject({
      valid: false,
      status: "expired",
    });
  });

  it("lets the owner release a machine, and nobody else", async () => {
    await turnOn();
    await env.buy(env.customer);
    const { key } = await keyOf();
    const { instance } = await activateLicense(
      publicApi(),
      call(key, { instanceName: "Old laptop" }),
    );
    const stranger = (await createTestUser(t.db)).user;
    const release = { productId: env.product.id, activationId: instance!.id };
    await expect(releaseMyActivation(env.ctxFor(stranger), release)).rejects.toThrow(NotFoundError);
    await expect(releaseMyActivation(env.ctxFor(null), release)).rejects.toThrow(UnauthorizedError);
    await releaseMyActivation(env.ctxFor(env.customer), release);
    expect((await keyOf()).activations).toEqual([]);
  });

  it("lets the seller list, disable, re-enable and reset keys of their own products only", async () => {
    await turnOn();
    await env.buy(env.customer);
    const { key } = await keyOf();
    await activateLicense(publicApi(), call(key, { instanceName: "A" }));
    const page = await listProductLicenses(seller(), { productId: env.product.id });
    expect(page.items).toHaveLength(1);
    const license = page.items[0]!;
    expect(license).toMatchObject({
      key,
      status: "active",
      customer: { email: env.customer.email, displayName: "Cleo Customer" },
    });
    expect(license.activations).toHaveLength(1);

    const otherSeller = env.ctxFor((await createTestUser(t.db, { seller: true })).user);
    for (const attempt of [
      () => listProductLicenses(otherSeller, { productId: env.product.id }),
      () => setLicenseDisabled(otherSeller, { licenseId: license.id, disabled: true }),
      () => resetLicenseActivations(otherSeller, { licenseId: license.id }),
      () =>
        setLicensePolicy(otherSeller, {
          productId: env.product.id,
          enabled: false,
          activationLimit: null,
          validityDays: null,
        }),
      () => getLicensePolicy(env.ctxFor(env.customer), { productId: env.product.id }),
    ]) {
      await expect(attempt()).rejects.toThrow(NotFoundError);
    }

    expect(
      (await setLicenseDisabled(seller(), { licenseId: license.id, disabled: true })).status,
    ).toBe("disabled");
    expect((await validateLicense(publicApi(), call(key))).status).toBe("disabled");
    await setLicenseDisabled(seller(), { licenseId: license.id, disabled: false });
    await resetLicenseActivations(seller(), { licenseId: license.id });
    expect(await validateLicense(publicApi(), call(key))).toMatchObject({
      valid: true,
      activationCount: 0,
    });
  });

  it.each([
    [{ activationLimit: 0, validityDays: null }, /at least one machine/],
    [{ activationLimit: 2.5, validityDays: null }, /whole number/],
    [{ activationLimit: 3, validityDays: -1 }, /at least one day/],
    [{ activationLimit: 3, validityDays: 40000 }, /100 years/],
  ])("refuses licensing terms %j and changes nothing", async (terms, message) => {
    await expect(
      setLicensePolicy(seller(), { productId: env.product.id, enabled: true, ...terms }),
    ).rejects.toThrow(message);
    expect((await getLicensePolicy(seller(), { productId: env.product.id })).enabled).toBe(false);
  });
});

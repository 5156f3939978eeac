import { DAY } from "@digistore/core";
import { createTestDb, testDialects, type TestDb } from "@digistore/db/testing";
import { generateKeyPairSync } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyLicenseToken } from "../examples/verify-license-token.mjs";
import { activateLicense } from "./activate-license";
import { getLicensePublicKey } from "./get-license-public-key";
import { getMyLicense } from "./get-my-license";
import { setLicensePolicy } from "./set-license-policy";
import { createTestLicensesEnv, type TestLicensesEnv } from "./testing";

describe.each(testDialects())("offline licence tokens on %s", (dialect) => {
  let t: TestDb;
  let env: TestLicensesEnv;
  let token: string;
  let publicKeyPem: string;

  beforeEach(async () => {
    t = await createTestDb({ dialect });
    env = await createTestLicensesEnv(t);
    const seller = env.ctxFor(env.seller);
    await setLicensePolicy(seller, {
      productId: env.product.id,
      enabled: true,
      activationLimit: null,
      validityDays: null,
    });
    await env.buy(env.customer);
    const { key } = (await getMyLicense(env.ctxFor(env.customer), { productId: env.product.id }))!;
    const answer = await activateLicense(env.ctxFor(null), {
      key,
      productId: env.product.id,
      instanceName: "Workstation",
    });
    token = answer.token!;
    publicKeyPem = (await getLicensePublicKey(seller)).publicKeyPem;
  });
  afterEach(async () => {
    env.cleanup();
    await t.close();
  });

  const now = () => env.clock.now().getTime();

  it("is accepted by the example verifier with the store's public key", async () => {
    const claims = verifyLicenseToken(token, publicKeyPem, env.product.id, now());
    expect(claims).toMatchObject({ v: 1, product: env.product.id, customer: env.customer.id });
    expect(claims?.activation).toEqual(expect.any(String));
    // The key pair is made once: a second read gives the same public half.
    expect((await getLicensePublicKey(env.ctxFor(env.seller))).publicKeyPem).toBe(publicKeyPem);
  });

  it("is refused when forged, altered, for another product, or past its date", () => {
    const [payload, signature] = token.split(".") as [string, string];
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<
      string,
      unknown
    >;
    const altered = Buffer.from(
      JSON.stringify({ ...claims, exp: (claims.exp as number) + 1e6 }),
    ).toString("base64url");
    const otherPem = generateKeyPairSync("ed25519")
      .publicKey.export({ type: "spki", format: "pem" })
      .toString();
    const flipped = `${signature.slice(0, -2)}${signature.endsWith("AA") ? "BB" : "AA"}`;
    for (const [candidate, pem, product, at] of [
      [`${altered}.${signature}`, publicKeyPem, env.product.id, now()],
      [`${payload}.${flipped}`, publicKeyPem, env.product.id, now()],
      [token, otherPem, env.product.id, now()],
      [token, publicKeyPem, "another-product", now()],
      [token, publicKeyPem, env.product.id, now() + 31 * DAY],
      [payload, publicKeyPem, env.product.id, now()],
      ["", publicKeyPem, env.product.id, now()],
    ] as const) {
      expect(verifyLicenseToken(candidate, pem, product, at)).toBeNull();
    }
  });

  it("claims the offline lifetime, at most 30 days from issue", () => {
    const claims = verifyLicenseToken(token, publicKeyPem, env.product.id, now());
    expect(claims!.exp - claims!.iat).toBe(30 * 24 * 3600);
  });
});

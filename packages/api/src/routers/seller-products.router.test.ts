import { testDialects } from "@digistore/db/testing";
import { renderDescription } from "@digistore/domain-catalog";
import { createSignedInUser } from "@digistore/domain-users/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApi, type TestApi } from "../testing";

describe.each(testDialects())("the description preview on %s", (dialect) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await createTestApi(dialect);
  });
  afterEach(() => api.close());

  const signIn = (options: Parameters<typeof createSignedInUser>[1] = {}) =>
    createSignedInUser(api.testDb.db, { clock: api.clock, ...options });

  it("renders what the product page would, sanitised, for sellers only", async () => {
    const seller = await signIn({ seller: true });
    const customer = await signIn();
    const markdown = "# Hi\n\n<script>alert(1)</script> [site](https://example.com)";

    const { html } = await api
      .caller(seller.token)
      .seller.products.previewDescription({ markdown });
    expect(html).toBe(renderDescription(markdown));
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain('rel="nofollow noopener noreferrer ugc"');

    await expect(
      api.caller(customer.token).seller.products.previewDescription({ markdown }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a description longer than one may save, saying why", async () => {
    const seller = await signIn({ seller: true });
    await expect(
      api.caller(seller.token).seller.products.previewDescription({ markdown: "a".repeat(20_001) }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("at most 20,000 characters"),
    });
  });
});

import { SYSTEM, systemClock } from "@digistore/core";
import { testDialects } from "@digistore/db/testing";
import { createUser } from "@digistore/domain-users";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, logIn, watchForPageProblems } from "../support/browser";
import { customer, sellerWithProduct } from "../support/catalog-fixtures";
import { buyProduct } from "../support/checkout-flows";
import { startTestStore, type TestStore } from "../support/store";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(testDialects())("short links in a browser (%s)", (dialect) => {
  let store: TestStore;
  let productPage: string;
  let productSlug: string;
  beforeAll(async () => {
    store = await startTestStore(dialect);
    const { product } = await sellerWithProduct(store, {
      email: "maker@example.com",
      title: "Orbit Framework",
      price: 3000,
      content: Buffer.from("framework"),
    });
    productSlug = product.slug;
    productPage = `${store.url}/products/${product.slug}`;
    await customer(store, "fan@example.com");
    const ctx = { db: store.testDb.db, clock: systemClock, actor: SYSTEM };
    await createUser(ctx, {
      email: "new@example.com",
      password: "customer password",
      displayName: "New",
      verified: false,
    });
    await createUser(ctx, {
      email: "staff@example.com",
      password: "staff password",
      displayName: "Staff",
      staff: true,
    });
  });
  afterAll(() => store?.stop());

  let fanLinkId = "";

  it("creates a link with UTM tags, shows the final URL as typed, and redirects to it", async () => {
    const page = await browser.newPage();
    const problems = watchForPageProblems(page);
    await page.goto(`${store.url}/links`);
    await page.waitForURL(/\/login\?redirectTo=%2Flinks/);
    await logIn(page, store.url, "fan@example.com", "customer password");
    await page.click("header >> text=Links");
    await page.waitForURL(`${store.url}/links`);
    // A customer has no products to pick from.
    expect(await page.locator("#productId").count()).toBe(0);

    await page.fill("#targetUrl", productPage);
    await page.click("text=UTM tags (optional)");
    await page.fill("#utmSource", "newsletter");
    await page.fill("#utmCampaign", "spring sale");
    const destination = `${productPage}?utm_source=newsletter&utm_campaign=spring+sale`;
    await page.locator("[data-testid=final-url]", { hasText: destination }).waitFor();
    await page.fill("#slug", "Spring-Fan");
    await page.click("text=Create link");
    await page.waitForURL(/\/links\/[^/?]+\?created=1$/);
    fanLinkId = new URL(page.url()).pathname.split("/")[2]!;
    await page.getByText("Link created.").waitFor();
    expect(await page.getByTestId("short-url").textContent()).toBe(`${store.url}/s/spring-fan`);
    expect(await page.getByTestId("destination").textContent()).toBe(destination);
    expect(await page.locator("img[alt^='QR code']").getAttribute("src")).toBe(
      `/links/${fanLinkId}/qr.svg`,
    );

    await page.goto(`${store.url}/s/spring-fan`);
    expect(page.url()).toBe(destination);
    await page.locator("h1", { hasText: "Orbit Framework" }).waitFor();

    await page.goto(`${store.url}/links`);
    const listed = page.getByTestId("my-links").locator("li", { hasText: "spring-fan" });
    await listed.getByText(destination).waitFor();
    expect(await listed.getByTestId("link-state").textContent()).toBe("active");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("lets a seller link to a product, edit, disable and delete, and hides others' links", async () => {
    const page = await browser.newPage();
    await logIn(page, store.url, "maker@example.com", "seller password");
    const other = await page.goto(`${store.url}/links/${fanLinkId}`);
    expect(other?.status()).toBe(404);
    await page.getByText("Page not found").waitFor();

    await page.goto(`${store.url}/links`);
    await page.selectOption("#productId", { label: "Orbit Framework" });
    await page.locator("[data-testid=final-url]", { hasText: productPage }).waitFor();
    await page.click("text=Create link");
    await page.waitForURL(/\/links\/[^/?]+\?created=1$/);
    expect(await page.getByTestId("destination").textContent()).toBe(productPage);

    await page.click("text=UTM tags (optional)");
    await page.fill("#utmMedium", "qr");
    await page.click("text=Save changes");
    await page.getByText("Saved.").waitFor();
    // The notice can show a moment before the page's data is reloaded: wait for the new address.
    await page
      .getByTestId("destination")
      .filter({ hasText: `${productPage}?utm_medium=qr` })
      .waitFor();

    await page.click("button:text-is('Disable')");
    await page.locator("[data-testid=link-state]", { hasText: "disabled" }).waitFor();
    await page.click("button:text-is('Enable')");
    await page.locator("[data-testid=link-state]", { hasText: "active" }).waitFor();

    await page.click("text=Delete…");
    await page.getByTestId("confirm-delete").waitFor();
    await page.click("text=Yes, delete it");
    await page.waitForURL(`${store.url}/links?deleted=1`);
    await page.getByText("No links yet.").waitFor();
    await page.close();
  });

  it("works without JavaScript: a bad target is refused on its field, and nothing is stored", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await logIn(page, store.url, "fan@example.com", "customer password");
    await page.goto(`${store.url}/links`);
    await page.fill("#targetUrl", "javascript:alert(1)");
    await page.click("text=UTM tags (optional)");
    await page.fill("#utmSource", "newsletter");
    await page.click("text=Create link");
    await page
      .locator("#targetUrl-error", { hasText: "only point to http:// or https://" })
      .waitFor();
    // The form comes back as typed.
    expect(await page.inputValue("#targetUrl")).toBe("javascript:alert(1)");
    expect(await page.inputValue("#utmSource")).toBe("newsletter");
    const stored = await store.testDb.db
      .selectFrom("short_links")
      .select("id")
      .where("target_url", "like", "javascript%")
      .execute();
    expect(stored).toEqual([]);

    await page.fill("#targetUrl", "https://example.com/post");
    await page.click("text=Create link");
    await page.waitForURL(/\/links\/[^/?]+\?created=1$/);
    expect(await page.getByTestId("destination").textContent()).toBe(
      "https://example.com/post?utm_source=newsletter",
    );
    await context.close();
  });

  it("asks unverified people to verify first", async () => {
    const page = await browser.newPage();
    await logIn(page, store.url, "new@example.com", "customer password");
    await page.goto(`${store.url}/links`);
    await page.getByText("Verify your email address first").waitFor();
    expect(await page.locator("#targetUrl").count()).toBe(0);
    await page.close();
  });

  it("lets staff disable a link by its short address, with a reason its owner sees", async () => {
    const staff = await browser.newPage();
    await logIn(staff, store.url, "staff@example.com", "staff password");
    await staff.goto(`${store.url}/staff/links`);
    await staff.fill("#link", "no-such-link");
    await staff.fill("#reason", "Reported as phishing");
    await staff.click("button:text-is('Disable link')");
    await staff.locator("#link-error", { hasText: "No link has that slug" }).waitFor();
    await staff.fill("#link", `${store.url}/s/SPRING-FAN`);
    await staff.click("button:text-is('Disable link')");
    await staff.getByText("Its owner sees the reason.").waitFor();
    await staff.close();

    const owner = await browser.newPage();
    await logIn(owner, store.url, "fan@example.com", "customer password");
    await owner.goto(`${store.url}/links/${fanLinkId}`);
    await owner.getByTestId("staff-disabled").getByText("Reported as phishing").waitFor();
    expect(await owner.locator("button:text-is('Enable')").count()).toBe(0);
    await owner.close();
  });

  it("credits a sale to the link it came through, and switches ranges without a reload", async () => {
    const seller = await browser.newPage();
    const problems = watchForPageProblems(seller);
    await logIn(seller, store.url, "maker@example.com", "seller password");
    await seller.goto(`${store.url}/links`);
    await seller.selectOption("#productId", { label: "Orbit Framework" });
    await seller.fill("#slug", "orbit-launch");
    await seller.click("text=Create link");
    await seller.waitForURL(/\/links\/[^/?]+\?created=1$/);
    const linkPage = seller.url().replace(/\?.*$/, "");
    expect(await seller.getByTestId("analytics-sales").textContent()).toBe("0");

    // A visitor follows the short link, signs in and buys: the store remembers the link.
    // Headless Chromium says so in its user agent, and bots are counted apart: a person's agent.
    const visitor = await browser.newContext({
      userAgent:
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    });
    const buyer = await visitor.newPage();
    await buyer.goto(`${store.url}/s/orbit-launch`);
    await buyer.locator("h1", { hasText: "Orbit Framework" }).waitFor();
    await logIn(buyer, store.url, "fan@example.com", "customer password");
    await buyProduct(buyer, store.url, productSlug);
    await visitor.close();

    await seller.goto(linkPage);
    expect(await seller.getByTestId("analytics-clicks").textContent()).toBe("1");
    expect(await seller.getByTestId("analytics-visitors").textContent()).toBe("1");
    expect(await seller.getByTestId("analytics-sales").textContent()).toBe("1");
    expect(await seller.getByTestId("analytics-revenue").textContent()).toBe("$30.00");
    expect(await seller.getByTestId("top-device").textContent()).toContain("desktop");
    // The chart carries its numbers for screen readers: today's row says one click.
    const today = new Date().toISOString().slice(0, 10);
    expect(await seller.locator(".day-chart table tr", { hasText: today }).textContent()).toBe(
      `${today}10`,
    );

    // The range switch asks the API from the page: no navigation, no loader.
    await seller.evaluate(() => ((window as unknown as { stay: number }).stay = 1));
    const asked = seller.waitForResponse((r) => r.url().includes("/api/trpc/links.analytics"));
    await seller.click(".range-switch >> text=7 days");
    await asked;
    await expect.poll(() => seller.locator(".day-chart table tbody tr").count()).toBe(7);
    expect(seller.url()).toBe(`${linkPage}?days=7`);
    expect(await seller.evaluate(() => (window as unknown as { stay?: number }).stay)).toBe(1);
    expect(await seller.getByTestId("analytics-sales").textContent()).toBe("1");
    // The CSV link follows the range: seven days, one row each, after its header.
    const csvHref = await seller.getByTestId("analytics-csv").getAttribute("href");
    const csv = await seller.evaluate((href) => fetch(href!).then((r) => r.text()), csvHref);
    expect(csv.trim().split(/\r?\n/)).toHaveLength(8);
    expect(problems).toEqual([]);
    await seller.close();

    // Without JavaScript the same ranges are plain links the server renders.
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const page = await plain.newPage();
    await logIn(page, store.url, "maker@example.com", "seller password");
    await page.goto(`${linkPage}?days=90`);
    expect(await page.locator(".day-chart table tbody tr").count()).toBe(90);
    expect(await page.locator(".range-switch [aria-current=true]").textContent()).toBe("90 days");
    await plain.close();
  });
});

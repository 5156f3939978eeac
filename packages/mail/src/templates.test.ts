import { describe, expect, it } from "vitest";
import { ZEmailMessage, type EmailMessage } from "./messages";
import { renderEmail } from "./templates";

const ctx = { publicUrl: "https://shop.example.com/", storeName: "Pixel Shop" };
const base = { to: "alice@example.com", displayName: "Alice" };

describe("renderEmail", () => {
  it.each<[EmailMessage, string[], RegExp]>([
    [
      { kind: "verify_email", ...base, token: "tok-1" },
      ["https://shop.example.com/verify-email?token=tok-1"],
      /24 hours/,
    ],
    [
      { kind: "reset_password", ...base, token: "tok-2" },
      ["https://shop.example.com/reset-password?token=tok-2"],
      /1 hour\. If you did not ask/,
    ],
    [
      { kind: "account_exists", ...base },
      ["https://shop.example.com/login", "https://shop.example.com/forgot-password"],
      /already belongs to your account/,
    ],
    [
      { kind: "password_changed", ...base },
      ["https://shop.example.com/forgot-password"],
      /password for your account was just changed/,
    ],
  ])("renders %o with its links", (message, links, wording) => {
    const email = renderEmail(message, ctx);
    expect(email.subject).toContain("Pixel Shop");
    expect(email.text).toMatch(/^Hi Alice,/);
    expect(email.text).toMatch(wording);
    expect(email.html).toContain("<p");
    for (const link of links) {
      expect(email.text).toContain(link);
      expect(email.html).toContain(`href="${link}"`);
    }
  });

  it("gives each kind its own subject", () => {
    const subjects = new Set(
      (
        [
          { kind: "verify_email", ...base, token: "t" },
          { kind: "reset_password", ...base, token: "t" },
          { kind: "account_exists", ...base },
          { kind: "password_changed", ...base },
        ] as const
      ).map((m) => renderEmail(m, ctx).subject),
    );
    expect(subjects.size).toBe(4);
  });

  it("escapes every interpolated value in HTML", () => {
    const email = renderEmail(
      {
        kind: "verify_email",
        to: "a@example.com",
        displayName: "<script>alert(1)</script>",
        token: 'x"><img src=x>',
      },
      { publicUrl: "https://shop.example.com", storeName: `Tom & Jerry's <b>` },
    );
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<b>");
    expect(email.html).not.toContain("<img");
    expect(email.html).toContain("Hi &lt;script&gt;alert(1)&lt;/script&gt;,");
    expect(email.html).toContain("Tom &amp; Jerry&#39;s &lt;b&gt;");
    // Plain text is not HTML: it keeps the name as written.
    expect(email.text).toContain("Hi <script>alert(1)</script>,");
  });

  it("URL-encodes tokens", () => {
    const email = renderEmail(
      { kind: "reset_password", ...base, token: "a b&c=d/e?" },
      { publicUrl: "https://shop.example.com", storeName: "S" },
    );
    expect(email.text).toContain(
      "https://shop.example.com/reset-password?token=a%20b%26c%3Dd%2Fe%3F",
    );
  });

  it("keeps line breaks out of the subject", () => {
    const email = renderEmail(
      { kind: "password_changed", ...base },
      { publicUrl: "https://s.example", storeName: "Evil\r\nBcc: x@example.com" },
    );
    expect(email.subject).not.toMatch(/[\r\n]/);
  });
});

describe("ZEmailMessage", () => {
  it("accepts a valid message", () => {
    expect(ZEmailMessage.safeParse({ kind: "verify_email", ...base, token: "t" }).success).toBe(
      true,
    );
  });

  it.each([
    ["a missing token", { kind: "verify_email", ...base }],
    ["an empty token", { kind: "reset_password", ...base, token: "" }],
    ["a bad address", { kind: "account_exists", to: "not-an-email", displayName: "A" }],
    ["an empty display name", { kind: "password_changed", to: "a@example.com", displayName: " " }],
    ["an unknown kind", { kind: "newsletter", ...base }],
  ])("rejects %s", (_, input) => {
    expect(ZEmailMessage.safeParse(input).success).toBe(false);
  });
});

describe("order emails", () => {
  const shop = { publicUrl: "https://shop.example", storeName: "Shop" };
  const receiptFor = (extra: { notes?: string[] } = {}) =>
    renderEmail(
      {
        kind: "receipt",
        to: "a@b.co",
        displayName: "Ada",
        orderId: "o1",
        productTitle: "Icons",
        amount: 1950,
        currency: "USD",
        orderKind: "product",
        ...extra,
      },
      shop,
    );

  it("puts the hooks' notes (a licence key) in the receipt, escaped in its HTML", () => {
    const receipt = receiptFor({ notes: ["Your licence key: ABCDE-<b>x</b>"] });
    expect(receipt.text).toContain("Your licence key: ABCDE-<b>x</b>");
    expect(receipt.html).toContain("Your licence key: ABCDE-&lt;b&gt;x&lt;/b&gt;");
  });

  it("renders a receipt with the amount and a link to the library, and a refund notice", () => {
    const receipt = receiptFor();
    expect(receipt.subject).toBe("Your receipt from Shop: Icons");
    expect(receipt.text).toContain("$19.50");
    expect(receipt.text).toContain("https://shop.example/library");
    const refund = renderEmail(
      {
        kind: "refund_notice",
        to: "a@b.co",
        displayName: "Ada",
        orderId: "o1",
        productTitle: "Icons",
        amount: 500,
        currency: "EUR",
        full: false,
      },
      { publicUrl: "https://shop.example", storeName: "Shop" },
    );
    expect(refund.text).toContain("€5.00");
    expect(refund.text).toContain("partial refund");
  });
});

describe("sale emails", () => {
  it("tells the seller who bought what for how much, with links to the order and the setting", () => {
    const notice = renderEmail(
      {
        kind: "sale_notice",
        to: "seller@b.co",
        displayName: "Sam",
        orderId: "01ab-cd",
        productTitle: "Icons <Pro>",
        amount: 1950,
        currency: "USD",
        buyerName: "Ada",
      },
      { publicUrl: "https://shop.example", storeName: "Shop" },
    );
    expect(notice.subject).toBe("You made a sale: Icons <Pro> ($19.50)");
    expect(notice.text).toContain("Ada just bought Icons <Pro> for $19.50.");
    expect(notice.text).toContain("https://shop.example/seller/orders/01ab-cd");
    expect(notice.text).toContain("https://shop.example/account#sale-emails");
    expect(notice.html).toContain("Icons &lt;Pro&gt;");
  });

  it("sums up a seller's day per currency, products and support apart", () => {
    const digest = renderEmail(
      {
        kind: "sale_digest",
        to: "seller@b.co",
        displayName: "Sam",
        day: "2026-12-09",
        sales: 3,
        lines: [
          { currency: "EUR", products: 3000, support: 0 },
          { currency: "USD", products: 1950, support: 4900 },
        ],
      },
      { publicUrl: "https://shop.example", storeName: "Shop" },
    );
    expect(digest.subject).toBe("Your sales on 2026-12-09: 3 sales");
    expect(digest.text).toContain("EUR: €30.00 from products, €0.00 from support");
    expect(digest.text).toContain("USD: $19.50 from products, $49.00 from support");
    expect(digest.text).toContain("https://shop.example/seller");
  });
});

describe("support emails", () => {
  const shop = { publicUrl: "https://shop.example/", storeName: "Shop" };
  const common = {
    to: "a@b.co",
    displayName: "Ada",
    requestId: "0190f0f0-0000-7000-8000-000000000001",
    productTitle: "Icons",
    subject: "Import fails",
  };

  it("links the seller to the seller's thread when a request is paid", () => {
    const email = renderEmail(
      {
        kind: "support_paid",
        ...common,
        customerName: "Cleo",
        path: `/seller/support/${common.requestId}`,
      },
      shop,
    );
    expect(email.subject).toBe("New paid support request for Icons: Import fails");
    expect(email.text).toContain('Cleo paid for support with Icons and asks: "Import fails".');
    expect(email.html).toContain(`href="https://shop.example/seller/support/${common.requestId}"`);
  });

  it("says who replied and links each side to its own page", () => {
    const toSeller = renderEmail(
      {
        kind: "support_reply",
        ...common,
        repliedBy: "customer",
        replierName: "Cleo",
        path: `/seller/support/${common.requestId}`,
      },
      shop,
    );
    expect(toSeller.text).toContain("Cleo (the customer) replied");
    expect(toSeller.text).toContain(`https://shop.example/seller/support/${common.requestId}`);
    const toCustomer = renderEmail(
      {
        kind: "support_reply",
        ...common,
        repliedBy: "staff",
        replierName: "Stella",
        path: `/supports/${common.requestId}`,
      },
      shop,
    );
    expect(toCustomer.text).toContain("Stella from the Shop team replied");
    expect(toCustomer.html).toContain(`href="https://shop.example/supports/${common.requestId}"`);
  });

  it("tells the customer a request was resolved and how to reopen it", () => {
    const email = renderEmail(
      { kind: "support_resolved", ...common, path: `/supports/${common.requestId}` },
      shop,
    );
    expect(email.subject).toBe("Your support request was resolved: Import fails");
    expect(email.text).toMatch(/reply in the thread to reopen it/);
    expect(email.text).toContain(`https://shop.example/supports/${common.requestId}`);
  });

  it("escapes a customer's subject in HTML", () => {
    const email = renderEmail(
      {
        kind: "support_resolved",
        ...common,
        subject: '<img src=x onerror="alert(1)">',
        path: `/supports/${common.requestId}`,
      },
      shop,
    );
    expect(email.html).not.toContain("<img");
    expect(email.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it.each([
    ["a link elsewhere", { kind: "support_reply", path: "https://evil.example/x" }],
    ["a seller link for the customer", { kind: "support_resolved", path: "/seller/support/r1" }],
    ["a customer link for the seller", { kind: "support_paid", path: "/supports/r1" }],
    ["an unknown author", { kind: "support_reply", repliedBy: "bot", path: "/supports/r1" }],
  ])("rejects %s", (_, fields) => {
    const message = {
      ...common,
      customerName: "Cleo",
      repliedBy: "customer",
      replierName: "Cleo",
      ...fields,
    };
    expect(ZEmailMessage.safeParse(message).success).toBe(false);
  });
});

import { formatMoney } from "@digistore/core";
import { renderLayout, type EmailContent, type RenderedEmail } from "./layout";
import type { EmailKind, EmailMessage } from "./messages";

export interface RenderContext {
  /** Origin the links point at, e.g. `https://shop.example.com` (a trailing slash is fine). */
  readonly publicUrl: string;
  readonly storeName: string;
}

interface TemplateContext {
  readonly storeName: string;
  link(path: string, query?: Record<string, string>): string;
}

type Template<K extends EmailKind> = (
  message: Extract<EmailMessage, { kind: K }>,
  ctx: TemplateContext,
) => EmailContent;

const templates: { [K in EmailKind]: Template<K> } = {
  verify_email: (m, ctx) => ({
    subject: `Confirm your email address for ${ctx.storeName}`,
    blocks: [
      `Hi ${m.displayName},`,
      `Please confirm that this is your email address to finish setting up your ${ctx.storeName} account.`,
      { label: "Confirm email address", url: ctx.link("/verify-email", { token: m.token }) },
      "This link is valid for 24 hours. If you did not create an account, you can ignore this email.",
    ],
  }),
  reset_password: (m, ctx) => ({
    subject: `Reset your ${ctx.storeName} password`,
    blocks: [
      `Hi ${m.displayName},`,
      "We received a request to reset the password for your account.",
      { label: "Choose a new password", url: ctx.link("/reset-password", { token: m.token }) },
      "This link is valid for 1 hour. If you did not ask for a password reset, ignore this email: your password stays the same.",
    ],
  }),
  account_exists: (m, ctx) => ({
    subject: `Sign-up attempt with your email at ${ctx.storeName}`,
    blocks: [
      `Hi ${m.displayName},`,
      "Someone (perhaps you) tried to create a new account with this email address, but it already belongs to your account. No new account was created.",
      { label: "Log in", url: ctx.link("/login") },
      "Forgot your password? You can choose a new one:",
      { label: "Reset your password", url: ctx.link("/forgot-password") },
      "If this was not you, you can ignore this email.",
    ],
  }),
  password_changed: (m, ctx) => ({
    subject: `Your ${ctx.storeName} password was changed`,
    blocks: [
      `Hi ${m.displayName},`,
      "The password for your account was just changed. If that was you, there is nothing else to do.",
      "If you did not change it, reset your password right away:",
      { label: "Reset your password", url: ctx.link("/forgot-password") },
    ],
  }),
  receipt: (m, ctx) => ({
    subject: `Your receipt from ${ctx.storeName}: ${m.productTitle}`,
    blocks: [
      `Hi ${m.displayName},`,
      m.orderKind === "product"
        ? `Thank you for buying ${m.productTitle}. It is yours for good, with every future version included.`
        : `Thank you: your paid support request for ${m.productTitle} is open. The seller will answer in the thread.`,
      `Order ${m.orderId} — paid ${formatMoney({ amount: m.amount, currency: m.currency })}.`,
      ...(m.notes ?? []),
      m.orderKind === "product"
        ? { label: "Download from My Products", url: ctx.link("/library") }
        : { label: "Open My Supports", url: ctx.link("/supports") },
      { label: "Order history", url: ctx.link("/orders") },
    ],
  }),
  refund_notice: (m, ctx) => ({
    subject: `Refund for ${m.productTitle}`,
    blocks: [
      `Hi ${m.displayName},`,
      `We refunded ${formatMoney({ amount: m.amount, currency: m.currency })} for ${m.productTitle} (order ${m.orderId}).`,
      m.full
        ? "The order is fully refunded, so its access has ended."
        : "This was a partial refund: you keep access to what you bought.",
      { label: "Order history", url: ctx.link("/orders") },
    ],
  }),
  sale_notice: (m, ctx) => ({
    subject: `You made a sale: ${m.productTitle} (${formatMoney({ amount: m.amount, currency: m.currency })})`,
    blocks: [
      `Hi ${m.displayName},`,
      `${m.buyerName} just bought ${m.productTitle} for ${formatMoney({ amount: m.amount, currency: m.currency })}.`,
      { label: "See the order", url: ctx.link(`/seller/orders/${encodeURIComponent(m.orderId)}`) },
      "You get this email for every sale. Turn it off on your account page.",
      { label: "Email settings", url: ctx.link("/account#sale-emails") },
    ],
  }),
  sale_digest: (m, ctx) => ({
    subject: `Your sales on ${m.day}: ${m.sales} ${m.sales === 1 ? "sale" : "sales"}`,
    blocks: [
      `Hi ${m.displayName},`,
      `On ${m.day} you made ${m.sales} ${m.sales === 1 ? "sale" : "sales"}.`,
      ...m.lines.map(
        (line) =>
          `${line.currency}: ${formatMoney({ amount: line.products, currency: line.currency })} from products, ${formatMoney({ amount: line.support, currency: line.currency })} from support (net of refunds).`,
      ),
      { label: "Open your dashboard", url: ctx.link("/seller") },
      "You get this email once a day. Change it on your account page.",
      { label: "Email settings", url: ctx.link("/account#sale-emails") },
    ],
  }),
  support_paid: (m, ctx) => ({
    subject: `New paid support request for ${m.productTitle}: ${m.subject}`,
    blocks: [
      `Hi ${m.displayName},`,
      `${m.customerName} paid for support with ${m.productTitle} and asks: "${m.subject}".`,
      "Please answer in the thread. The customer is emailed when you reply.",
      { label: "Open the request", url: ctx.link(m.path) },
    ],
  }),
  support_reply: (m, ctx) => ({
    subject: `New reply to "${m.subject}" (${m.productTitle})`,
    blocks: [
      `Hi ${m.displayName},`,
      `${replier(m.repliedBy, m.replierName, ctx.storeName)} replied in the support request "${m.subject}" for ${m.productTitle}.`,
      { label: "Read the reply", url: ctx.link(m.path) },
    ],
  }),
  support_resolved: (m, ctx) => ({
    subject: `Your support request was resolved: ${m.subject}`,
    blocks: [
      `Hi ${m.displayName},`,
      `Your support request "${m.subject}" for ${m.productTitle} was marked resolved.`,
      "If something is still not right, reply in the thread to reopen it. Otherwise it closes by itself after 14 days.",
      { label: "View the request", url: ctx.link(m.path) },
    ],
  }),
};

function replier(role: "customer" | "seller" | "staff", name: string, storeName: string): string {
  if (role === "customer") return `${name} (the customer)`;
  if (role === "seller") return `${name} (the seller)`;
  return `${name} from the ${storeName} team`;
}

/** Subject, plain text and HTML for one message; values are escaped in HTML, tokens URL-encoded. */
export function renderEmail(message: EmailMessage, context: RenderContext): RenderedEmail {
  const base = context.publicUrl.replace(/\/+$/, "");
  const ctx: TemplateContext = {
    storeName: context.storeName,
    link: (path, query) => {
      const pairs = Object.entries(query ?? {}).map(
        ([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`,
      );
      return `${base}${path}${pairs.length > 0 ? `?${pairs.join("&")}` : ""}`;
    },
  };
  // The mapped type ties each kind to its template; TS cannot narrow the lookup by itself.
  const template = templates[message.kind] as Template<EmailKind>;
  return renderLayout(template(message, ctx), context.storeName);
}

import { escapeHtml, formatMoney } from "@digistore/core";
import type { PaymentQuote } from "./pricing/quote";
import type { CheckoutSession } from "./state";

// The hosted checkout page: static HTML, inline CSS, two plain forms. Every value that came
// from a request is escaped.

const STYLE = `
  :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
  body { margin: 0; background: #f4f5f7; color: #1f2328; }
  main { max-width: 30rem; margin: 3rem auto; padding: 2rem; background: #fff;
         border-radius: 12px; box-shadow: 0 1px 3px rgb(0 0 0 / 0.12); }
  .badge { display: inline-block; font-size: 0.75rem; padding: 0.15rem 0.5rem; border-radius: 999px;
           background: #fff4d6; color: #7a5a00; }
  h1 { font-size: 1.35rem; margin: 0.75rem 0 1.25rem; }
  table { width: 100%; border-collapse: collapse; }
  td { padding: 0.5rem 0; border-bottom: 1px solid #eceef1; vertical-align: top; }
  td.amount { text-align: right; white-space: nowrap; }
  tr.total td { font-weight: 600; border-bottom: none; padding-top: 0.75rem; }
  .muted { color: #656d76; font-size: 0.875rem; }
  dl { display: grid; grid-template-columns: auto 1fr; gap: 0.35rem 1rem; margin: 1.25rem 0; }
  dt { color: #656d76; } dd { margin: 0; }
  .notice { background: #ffebe9; color: #82071e; padding: 0.6rem 0.8rem; border-radius: 8px; }
  .actions { display: flex; gap: 0.75rem; margin-top: 1.5rem; }
  .actions form { flex: 1; }
  label { display: block; margin-bottom: 0.75rem; }
  button { width: 100%; font: inherit; font-weight: 600; padding: 0.75rem; border-radius: 8px;
           cursor: pointer; border: 1px solid transparent; }
  button.pay { background: #1f883d; color: #fff; }
  button.decline { background: #fff; color: #cf222e; border-color: #d0d7de; }
  a { color: #0969da; }
`;

function layout(title: string, content: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<span class="badge">Dodo Payments emulator · test mode, no real money</span>
${content}
</main>
</body>
</html>
`;
}

function countryName(code: string): string {
  try {
    const name = new Intl.DisplayNames(["en"], { type: "region" }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

export interface CheckoutPageView {
  readonly session: CheckoutSession;
  /** The payment as it stands without any choice of the buyer (tax included). */
  readonly quote: PaymentQuote;
  /** Currencies the buyer may pay in; only when the session allows currency selection. */
  readonly currencies: readonly string[] | null;
  readonly payAction: string;
  readonly declineAction: string;
  /** Shown above the buttons, e.g. after a declined attempt. */
  readonly notice?: string;
}

export function renderCheckoutPage(view: CheckoutPageView): string {
  const { session } = view;
  const money = (amount: number) => escapeHtml(formatMoney({ amount, currency: session.currency }));
  const rows = session.lines
    .map(
      (line) => `<tr>
  <td>${escapeHtml(line.name)}<div class="muted">${line.quantity} × ${money(line.unit_amount)}</div></td>
  <td class="amount">${money(line.unit_amount * line.quantity)}</td>
</tr>`,
    )
    .join("\n");
  const notice = view.notice ? `<p class="notice">${escapeHtml(view.notice)}</p>` : "";
  const currencyField = view.currencies
    ? `<label>Pay in <select name="currency">${view.currencies
        .map(
          (code) =>
            `<option value="${escapeHtml(code)}"${code === session.currency ? " selected" : ""}>${escapeHtml(code)}</option>`,
        )
        .join("")}</select></label>`
    : "";
  const discountField = session.feature_flags.allow_discount_code
    ? `<label>Discount code <input name="discount_code" autocomplete="off"></label>`
    : "";
  const cancel = session.cancel_url
    ? `<p class="muted"><a href="${escapeHtml(session.cancel_url)}">Cancel and go back</a></p>`
    : "";
  return layout(
    "Checkout",
    `<h1>Complete your purchase</h1>
<table>
${rows}
<tr><td>Tax</td><td class="amount">${money(view.quote.tax)}</td></tr>
<tr class="total"><td>Total</td><td class="amount">${money(view.quote.total_amount)}</td></tr>
</table>
<dl>
  <dt>Email</dt><dd>${escapeHtml(session.customer.email)}</dd>
  <dt>Billing country</dt><dd>${escapeHtml(countryName(session.billing.country))}</dd>
</dl>
${notice}
<div class="actions">
  <form method="post" action="${escapeHtml(view.payAction)}">${currencyField}${discountField}<button class="pay" type="submit">Pay ${money(view.quote.total_amount)}</button></form>
  <form method="post" action="${escapeHtml(view.declineAction)}"><button class="decline" type="submit">Decline</button></form>
</div>
${cancel}
<p class="muted">Session ${escapeHtml(session.id)}</p>`,
  );
}

export interface MessagePageView {
  readonly title: string;
  readonly message: string;
  readonly link?: { readonly href: string; readonly label: string };
}

export function renderMessagePage(view: MessagePageView): string {
  const link = view.link
    ? `<p><a href="${escapeHtml(view.link.href)}">${escapeHtml(view.link.label)}</a></p>`
    : "";
  return layout(
    view.title,
    `<h1>${escapeHtml(view.title)}</h1>
<p>${escapeHtml(view.message)}</p>
${link}`,
  );
}

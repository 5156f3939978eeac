import type {
  BillingAddress,
  CheckoutSessionResponse,
  CheckoutSessionStatus,
  CustomerLimitedDetails,
  IntentStatus,
  Payment,
} from "./dodo-types";
import { DodoApiError, notFound } from "./errors";
import { dodoId } from "./ids";
import { unitAmount } from "./pricing/unit-amount";
import type { TCheckoutCreate } from "./schemas";
import { nowTimestamp, type CartLine, type CheckoutSession, type EmulatorContext } from "./state";

/** Used when a session names no customer: the hosted page has no form to collect one. */
const DEFAULT_CUSTOMER = { email: "customer@example.com", name: "Test Customer" };
/** Used when a session has no billing address. */
const DEFAULT_COUNTRY = "US";

function resolveCustomer(
  ctx: EmulatorContext,
  input: TCheckoutCreate["customer"],
): CustomerLimitedDetails {
  if (input && "customer_id" in input) {
    const existing = ctx.state.customers.get(input.customer_id);
    if (!existing) {
      throw new DodoApiError(400, "CUSTOMER_NOT_FOUND", `Customer ${input.customer_id} not found`);
    }
    return existing;
  }
  const email = input?.email ?? DEFAULT_CUSTOMER.email;
  const name = input ? (input.name ?? email.split("@")[0]!) : DEFAULT_CUSTOMER.name;
  // Like Dodo by default: reuse the most recent customer with this email.
  let existing: CustomerLimitedDetails | undefined;
  for (const customer of ctx.state.customers.values()) {
    if (customer.email.toLowerCase() === email.toLowerCase()) existing = customer;
  }
  if (existing) return existing;
  const customer: CustomerLimitedDetails = {
    customer_id: dodoId("cus"),
    email,
    name,
    metadata: {},
    phone_number: input?.phone_number ?? null,
  };
  ctx.state.customers.set(customer.customer_id, customer);
  return customer;
}

function priceCart(ctx: EmulatorContext, cart: TCheckoutCreate["product_cart"]) {
  const lines: CartLine[] = [];
  let currency: string | undefined;
  for (const item of cart) {
    const product = ctx.state.products.get(item.product_id);
    if (!product) {
      throw new DodoApiError(400, "PRODUCT_NOT_FOUND", `Product ${item.product_id} not found`);
    }
    if (currency !== undefined && product.price.currency !== currency) {
      throw new DodoApiError(
        400,
        "CURRENCY_MISMATCH",
        "All products in product_cart must share one currency",
      );
    }
    currency = product.price.currency;
    lines.push({
      product_id: product.product_id,
      name: product.name ?? product.product_id,
      quantity: item.quantity,
      unit_amount: unitAmount(product, item.amount),
      tax_inclusive: product.price.tax_inclusive !== false,
    });
  }
  const total = lines.reduce((sum, line) => sum + line.unit_amount * line.quantity, 0);
  return { lines, currency: currency!, total };
}

/**
 * `POST /checkouts`. Validation happens before anything is stored, so a bad cart leaves no
 * session and no customer behind.
 */
export function createCheckoutSession(
  ctx: EmulatorContext,
  input: TCheckoutCreate,
  checkoutUrlFor: (sessionId: string) => string,
): CheckoutSessionResponse {
  const { lines, currency, total } = priceCart(ctx, input.product_cart);
  const customer = resolveCustomer(ctx, input.customer);
  const billing: BillingAddress = {
    country: input.billing_address?.country ?? DEFAULT_COUNTRY,
    city: input.billing_address?.city ?? null,
    state: input.billing_address?.state ?? null,
    street: input.billing_address?.street ?? null,
    zipcode: input.billing_address?.zipcode ?? null,
  };
  const id = dodoId("cks");
  const session: CheckoutSession = {
    id,
    created_at: nowTimestamp(ctx),
    checkout_url: checkoutUrlFor(id),
    lines,
    currency,
    total_amount: total,
    customer,
    billing,
    return_url: input.return_url ?? null,
    cancel_url: input.cancel_url ?? null,
    metadata: input.metadata ?? {},
    feature_flags: {
      allow_currency_selection: input.feature_flags?.allow_currency_selection ?? true,
      allow_discount_code: input.feature_flags?.allow_discount_code ?? true,
    },
    payment_ids: [],
  };
  ctx.state.sessions.set(id, session);
  return { session_id: id, checkout_url: session.checkout_url };
}

export function findSession(ctx: EmulatorContext, id: string): CheckoutSession {
  const session = ctx.state.sessions.get(id);
  if (!session) throw notFound("Checkout session", id);
  return session;
}

/** The session's payment in `status`, if it has one. */
function paymentIn(
  ctx: EmulatorContext,
  session: CheckoutSession,
  status: IntentStatus,
): Payment | undefined {
  for (const id of session.payment_ids) {
    const payment = ctx.state.payments.get(id);
    if (payment?.status === status) return payment;
  }
  return undefined;
}

/** The session's succeeded payment, if it has one: then it is complete and cannot be paid. */
export function succeededPayment(
  ctx: EmulatorContext,
  session: CheckoutSession,
): Payment | undefined {
  return paymentIn(ctx, session, "succeeded");
}

/** The session's payment still `processing`, if any: no second attempt until it settles. */
export function processingPayment(
  ctx: EmulatorContext,
  session: CheckoutSession,
): Payment | undefined {
  return paymentIn(ctx, session, "processing");
}

/** `GET /checkouts/{id}`: where the session stands, from its latest payment attempt. */
export function getCheckoutStatus(ctx: EmulatorContext, id: string): CheckoutSessionStatus {
  const session = findSession(ctx, id);
  const latestId = session.payment_ids.at(-1);
  const latest = latestId === undefined ? undefined : ctx.state.payments.get(latestId);
  return {
    id: session.id,
    created_at: session.created_at,
    customer_email: session.customer.email,
    customer_name: session.customer.name,
    payment_id: latest?.payment_id ?? null,
    payment_status: latest?.status ?? null,
  };
}

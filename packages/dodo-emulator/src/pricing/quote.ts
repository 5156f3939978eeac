import { redeemableDiscount } from "../discounts";
import type { Discount } from "../dodo-types";
import { DodoApiError } from "../errors";
import { ZPaymentChoice, type TPaymentChoice } from "../schemas";
import type { CheckoutSession, EmulatorContext } from "../state";
import { parseRequest } from "../validate";
import { buyerCurrencies, convert } from "./exchange-rates";
import { taxRateBps, withTax } from "./tax-rates";

/** What a payment on the session charges, as Dodo reports it on the payment. */
export interface PaymentQuote {
  /** What the buyer pays, tax included, in `currency` (theirs under adaptive pricing). */
  readonly total_amount: number;
  readonly currency: string;
  readonly tax: number;
  /** What the seller is credited, in the products' currency. */
  readonly settlement_amount: number;
  readonly settlement_currency: string;
  readonly settlement_tax: number;
  readonly discount: Discount | null;
}

function refuse(code: string, message: string): never {
  throw new DodoApiError(400, code, message);
}

/**
 * Prices a payment the way Dodo's hosted page does: the buyer's discount code (only when the
 * session shows the field), tax by billing country (on top of tax-exclusive prices), then the
 * buyer's currency (only when the session lets them choose one).
 */
export function quotePayment(
  ctx: EmulatorContext,
  session: CheckoutSession,
  input: TPaymentChoice = {},
): PaymentQuote {
  const choice = parseRequest(ZPaymentChoice, input);
  const flags = session.feature_flags;
  if (choice.discount_code !== undefined && !flags.allow_discount_code) {
    refuse("DISCOUNT_CODE_NOT_ALLOWED", "This checkout does not take discount codes");
  }
  const currency = choice.currency ?? session.currency;
  if (currency !== session.currency) {
    if (!flags.allow_currency_selection) {
      refuse("CURRENCY_SELECTION_NOT_ALLOWED", `This checkout is paid in ${session.currency}`);
    }
    if (!buyerCurrencies(session.currency).includes(currency)) {
      refuse("CURRENCY_NOT_OFFERED", `This checkout cannot be paid in ${currency}`);
    }
  }
  const discount =
    choice.discount_code === undefined
      ? null
      : redeemableDiscount(
          ctx,
          choice.discount_code,
          session.lines.map((line) => line.product_id),
        );
  const rate = taxRateBps(session.billing.country);
  let settlement = 0;
  let settlementTax = 0;
  for (const line of session.lines) {
    const gross = line.unit_amount * line.quantity;
    const net = discount ? Math.round((gross * (10_000 - discount.amount)) / 10_000) : gross;
    const { total, tax } = withTax(net, rate, line.tax_inclusive);
    settlement += total;
    settlementTax += tax;
  }
  return {
    total_amount: convert(settlement, session.currency, currency),
    currency,
    tax: convert(settlementTax, session.currency, currency),
    settlement_amount: settlement,
    settlement_currency: session.currency,
    settlement_tax: settlementTax,
    discount,
  };
}

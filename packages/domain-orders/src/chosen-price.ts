import { formatMoney, ValidationError, type Money } from "@digistore/core";

/** A chosen amount this many times the minimum is a typo, not generosity. */
const MAX_TIMES_MINIMUM = 1000;

const refuse = (message: string) => new ValidationError(message, { amount: [message] });

/**
 * What the buyer pays: the fixed price, or, when they pay what they want, the amount they
 * chose (the suggestion or the minimum when they chose none), never below the minimum.
 */
export function chosenPrice(
  product: { price: Money; payWhatYouWant: boolean; suggestedPrice: Money | null },
  amount: number | undefined,
): Money {
  if (!product.payWhatYouWant) {
    if (amount !== undefined && amount !== product.price.amount) {
      throw refuse("This product has a fixed price.");
    }
    return product.price;
  }
  const minimum = product.price;
  const chosen = amount ?? product.suggestedPrice?.amount ?? minimum.amount;
  if (chosen < minimum.amount) {
    throw refuse(`Pay at least ${formatMoney(minimum)} for this product.`);
  }
  if (chosen > minimum.amount * MAX_TIMES_MINIMUM) {
    throw refuse(
      `That is more than this product accepts (at most ${formatMoney({ ...minimum, amount: minimum.amount * MAX_TIMES_MINIMUM })}).`,
    );
  }
  return { amount: chosen, currency: minimum.currency };
}

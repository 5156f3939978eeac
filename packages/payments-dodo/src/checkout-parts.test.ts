import { describe, expect, it } from "vitest";
import { checkoutOutcome } from "./checkout-status";
import { billingAddress } from "./checkout-session-params";

describe("billingAddress", () => {
  it("sends the country in upper case and only the address fields that are filled in", () => {
    expect(billingAddress({ country: " de " })).toEqual({ country: "DE" });
    expect(
      billingAddress({
        country: "US",
        address: { street: "1 Main St", city: "Springfield", state: " ", zipcode: "" },
      }),
    ).toEqual({ country: "US", street: "1 Main St", city: "Springfield" });
  });
});

describe("checkoutOutcome", () => {
  it.each([
    [null, "pending"],
    [undefined, "pending"],
    ["processing", "pending"],
    ["requires_customer_action", "pending"],
    ["succeeded", "succeeded"],
    ["failed", "failed"],
    ["cancelled", "failed"],
  ] as const)("%s → %s", (status, expected) => {
    expect(checkoutOutcome(status)).toBe(expected);
  });
});

import { PAYMENT_COUNTRIES } from "@digistore/core";
import { describe, expect, it } from "vitest";
import { countries } from "./countries";

describe("the checkout's billing countries (item 1)", () => {
  it("are exactly Dodo's country codes, one entry per country, no name twice", () => {
    const list = countries();
    expect(list.map((c) => c.code).sort()).toEqual([...PAYMENT_COUNTRIES].sort());
    expect(new Set(list.map((c) => c.name)).size).toBe(list.length);
    for (const historic of ["DD", "VD", "YD", "CS", "RH", "BU", "NH", "AN", "UK", "FX", "SU"]) {
      expect(list.some((c) => c.code === historic)).toBe(false);
    }
    expect(list.find((c) => c.code === "DE")?.name).toBe("Germany");
  });
});

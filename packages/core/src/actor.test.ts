import { describe, expect, it } from "vitest";
import {
  ANONYMOUS,
  SYSTEM,
  isStaff,
  requireSeller,
  requireStaff,
  requireStaffOrSystem,
  requireUser,
  userActor,
} from "./actor";
import { ForbiddenError, UnauthorizedError } from "./errors";

const customer = userActor({ id: "u1", roles: { seller: false, staff: false } }, "s1");
const seller = userActor({ id: "u2", roles: { seller: true, staff: false } });
const staff = userActor({ id: "u3", roles: { seller: false, staff: true } });

describe("actor checks", () => {
  it("carries the id, roles and session of the person", () => {
    expect(customer).toEqual({
      kind: "user",
      userId: "u1",
      roles: { seller: false, staff: false },
      sessionId: "s1",
    });
  });

  it("refuses the anonymous and the store itself where a person is needed", () => {
    for (const actor of [ANONYMOUS, SYSTEM]) {
      expect(() => requireUser(actor)).toThrow(UnauthorizedError);
      expect(() => requireSeller(actor)).toThrow(UnauthorizedError);
      expect(() => requireStaff(actor)).toThrow(UnauthorizedError);
    }
  });

  it("checks each role on its own", () => {
    expect(requireUser(customer)).toBe(customer);
    expect(() => requireSeller(customer)).toThrow(ForbiddenError);
    expect(requireSeller(seller)).toBe(seller);
    expect(() => requireSeller(staff)).toThrow(ForbiddenError);
    expect(() => requireStaff(seller)).toThrow(ForbiddenError);
    expect(requireStaff(staff)).toBe(staff);
    expect([customer, seller, staff, ANONYMOUS, SYSTEM].map(isStaff)).toEqual([
      false,
      false,
      true,
      false,
      false,
    ]);
  });

  it("lets jobs and staff, and nobody else, run staff-or-system work", () => {
    expect(() => requireStaffOrSystem(SYSTEM)).not.toThrow();
    expect(() => requireStaffOrSystem(staff)).not.toThrow();
    expect(() => requireStaffOrSystem(seller)).toThrow(ForbiddenError);
    expect(() => requireStaffOrSystem(ANONYMOUS)).toThrow(UnauthorizedError);
  });
});

import type { OrderStatus } from "@digistore/db";
import { describe, expect, it } from "vitest";
import {
  ACTIVE_STATUSES,
  availableActions,
  canTransition,
  eventForOrderStatus,
  isUnreadFor,
  nextStatus,
  roleOf,
  supportThreadPath,
  type SupportEvent,
  type SupportStatus,
} from "./support-request";

const STATUSES: SupportStatus[] = [
  "awaiting_payment",
  "open",
  "answered",
  "resolved",
  "closed",
  "cancelled",
  "expired",
];
const EVENTS: SupportEvent[] = [
  "paid",
  "payment_lapsed",
  "refunded",
  "customer_reply",
  "seller_reply",
  "staff_reply",
  "resolve",
  "close",
  "auto_close",
];

// Every legal move; everything else in STATUSES × EVENTS must be refused.
const LEGAL: [SupportStatus, SupportEvent, SupportStatus][] = [
  ["awaiting_payment", "paid", "open"],
  ["awaiting_payment", "payment_lapsed", "expired"],
  ["awaiting_payment", "refunded", "cancelled"],
  ["open", "customer_reply", "open"],
  ["open", "seller_reply", "answered"],
  ["open", "staff_reply", "answered"],
  ["open", "resolve", "resolved"],
  ["open", "close", "closed"],
  ["open", "refunded", "cancelled"],
  ["answered", "customer_reply", "open"],
  ["answered", "seller_reply", "answered"],
  ["answered", "staff_reply", "answered"],
  ["answered", "resolve", "resolved"],
  ["answered", "close", "closed"],
  ["answered", "refunded", "cancelled"],
  ["resolved", "customer_reply", "open"],
  ["resolved", "close", "closed"],
  ["resolved", "auto_close", "closed"],
  ["resolved", "refunded", "cancelled"],
  ["closed", "refunded", "cancelled"],
  ["expired", "paid", "open"],
  ["expired", "refunded", "cancelled"],
];

describe("the support transition table", () => {
  it.each(LEGAL)("%s --%s--> %s", (from, event, to) => {
    expect(canTransition(from, event)).toBe(true);
    expect(nextStatus(from, event)).toBe(to);
  });

  const illegal = STATUSES.flatMap((from) =>
    EVENTS.filter((event) => !LEGAL.some(([f, e]) => f === from && e === event)).map(
      (event) => [from, event] as const,
    ),
  );

  it.each(illegal)("refuses %s --%s-->", (from, event) => {
    expect(canTransition(from, event)).toBe(false);
    expect(nextStatus(from, event)).toBeNull();
  });

  it("has nothing leave cancelled, and only a refund leave closed", () => {
    expect(EVENTS.filter((e) => canTransition("cancelled", e))).toEqual([]);
    expect(EVENTS.filter((e) => canTransition("closed", e))).toEqual(["refunded"]);
  });

  it("names the statuses of the partial unique index as active", () => {
    expect([...ACTIVE_STATUSES].sort()).toEqual(["answered", "awaiting_payment", "open"]);
  });

  it("maps every order status to the event it means for a request", () => {
    const map: Record<OrderStatus, SupportEvent | null> = {
      pending: null,
      paid: "paid",
      disputed: "paid",
      refunded: "refunded",
      partially_refunded: "refunded",
      failed: "payment_lapsed",
      cancelled: "payment_lapsed",
      expired: "payment_lapsed",
    };
    for (const [status, event] of Object.entries(map))
      expect(eventForOrderStatus(status as OrderStatus)).toBe(event);
  });
});

describe("who may do what", () => {
  const request = { customerId: "c", sellerId: "s" };
  const user = (id: string, staff = false) => ({ id, roles: { staff } });

  it("knows the customer, the seller and staff, and no one else", () => {
    expect(roleOf(user("c"), request)).toBe("customer");
    expect(roleOf(user("s"), request)).toBe("seller");
    expect(roleOf(user("x", true), request)).toBe("staff");
    expect(roleOf(user("x"), request)).toBeNull();
  });

  it("offers the actions the verbs allow", () => {
    expect(availableActions("customer", "answered")).toEqual({
      reply: true,
      resolve: false,
      close: true,
    });
    expect(availableActions("seller", "open")).toEqual({
      reply: true,
      resolve: true,
      close: false,
    });
    expect(availableActions("seller", "resolved")).toEqual({
      reply: false,
      resolve: false,
      close: false,
    });
    expect(availableActions("customer", "resolved")).toEqual({
      reply: true,
      resolve: false,
      close: true,
    });
    expect(availableActions("staff", "open")).toEqual({ reply: true, resolve: true, close: true });
    for (const status of ["awaiting_payment", "closed", "cancelled", "expired"] as const)
      expect(availableActions("customer", status)).toEqual({
        reply: false,
        resolve: false,
        close: false,
      });
  });

  it("links each side to its own page", () => {
    expect(supportThreadPath("customer", "r1")).toBe("/supports/r1");
    expect(supportThreadPath("seller", "r1")).toBe("/seller/support/r1");
  });
});

describe("unread markers", () => {
  const at = (minute: number) => `2026-11-21T10:0${minute}:00.000Z`;

  it("is unread for a side when something newer than its last look was written by another", () => {
    const request = { lastMessageAt: at(5), customerReadAt: at(1), sellerReadAt: null };
    expect(isUnreadFor("customer", request, "seller")).toBe(true);
    expect(isUnreadFor("customer", request, "staff")).toBe(true);
    expect(isUnreadFor("customer", request, "customer")).toBe(false);
    expect(isUnreadFor("seller", request, "customer")).toBe(true);
    expect(isUnreadFor("seller", { ...request, sellerReadAt: at(5) }, "customer")).toBe(false);
    expect(isUnreadFor("customer", { ...request, customerReadAt: at(6) }, "seller")).toBe(false);
    expect(isUnreadFor("seller", request, null)).toBe(false);
  });
});

import { listBrands } from "../brands";
import { createCheckoutSession, getCheckoutStatus } from "../checkouts";
import { createDiscount, getDiscount } from "../discounts";
import { getDispute, listDisputes } from "../disputes";
import { getPayment, listPayments } from "../payments";
import { createProduct, getProduct, listProducts, updateProduct } from "../products";
import { createRefund, getRefund, listRefunds } from "../refunds";
import {
  ZCheckoutCreate,
  ZDiscountCreate,
  ZProductCreate,
  ZProductUpdate,
  ZRefundCreate,
} from "../schemas";
import type { EmulatorContext } from "../state";
import { parseRequest } from "../validate";
import { empty, json } from "./reply";
import { route, type Route } from "./router";

/** The part of Dodo's REST API the store uses, with Dodo's paths and field names. */
export function apiRoutes(ctx: EmulatorContext): Route[] {
  return [
    route("POST", "/products", true, async (req) =>
      json(200, createProduct(ctx, parseRequest(ZProductCreate, await req.body()))),
    ),
    route("GET", "/products", true, (req) => json(200, listProducts(ctx, req.query))),
    route("GET", "/products/:id", true, (req) => json(200, getProduct(ctx, req.params.id!))),
    // Dodo answers an update with an empty 200; the SDK's `update` resolves to void.
    route("PATCH", "/products/:id", true, async (req) => {
      updateProduct(ctx, req.params.id!, parseRequest(ZProductUpdate, await req.body()));
      return empty(200);
    }),

    route("POST", "/checkouts", true, async (req) => {
      const input = parseRequest(ZCheckoutCreate, await req.body());
      const response = createCheckoutSession(
        ctx,
        input,
        (id) => `${req.origin}${req.mountPrefix}/checkout/${encodeURIComponent(id)}`,
      );
      return json(200, response);
    }),
    route("GET", "/checkouts/:id", true, (req) =>
      json(200, getCheckoutStatus(ctx, req.params.id!)),
    ),

    route("GET", "/payments", true, (req) => json(200, listPayments(ctx, req.query))),
    route("GET", "/payments/:id", true, (req) => json(200, getPayment(ctx, req.params.id!))),

    route("POST", "/refunds", true, async (req) =>
      json(200, createRefund(ctx, parseRequest(ZRefundCreate, await req.body()))),
    ),
    route("GET", "/refunds", true, (req) => json(200, listRefunds(ctx, req.query))),
    route("GET", "/refunds/:id", true, (req) => json(200, getRefund(ctx, req.params.id!))),

    route("GET", "/disputes", true, (req) => json(200, listDisputes(ctx, req.query))),
    route("GET", "/disputes/:id", true, (req) => json(200, getDispute(ctx, req.params.id!))),

    route("POST", "/discounts", true, async (req) =>
      json(200, createDiscount(ctx, parseRequest(ZDiscountCreate, await req.body()))),
    ),
    route("GET", "/discounts/:id", true, (req) => json(200, getDiscount(ctx, req.params.id!))),

    route("GET", "/brands", true, () => json(200, listBrands(ctx))),
  ];
}

import { sellerCustomersCsvFor, sellerOrdersCsvFor, type AppServices } from "@digistore/api";
import express from "express";
import { fileDownload } from "./file-downloads";
import type { WebOptions } from "./request-context";

const TITLES: Record<number, string> = {
  400: "Check the filters",
  401: "Sign in first",
  403: "For sellers",
};

const FILTERS = ["status", "productId", "from", "to", "email"] as const;

/**
 * `GET /seller/orders.csv?status&productId&from&to&email` and `/seller/customers.csv?search`:
 * the seller's orders and customers pages as CSV.
 */
export function sellerFileRoutes(services: AppServices, web: WebOptions, storeName: string) {
  const router = express.Router({ caseSensitive: true, strict: false });
  router.get(
    "/seller/orders.csv",
    fileDownload(services, web, storeName, TITLES, (ctx, req) => {
      // Only the filter's own fields, each as one string (a repeated parameter is refused).
      const filter = Object.fromEntries(FILTERS.map((name) => [name, req.query[name] ?? ""]));
      return sellerOrdersCsvFor(ctx, filter);
    }),
  );
  router.get(
    "/seller/customers.csv",
    fileDownload(services, web, storeName, TITLES, (ctx, req) =>
      sellerCustomersCsvFor(ctx, { search: req.query.search ?? "" }),
    ),
  );
  return router;
}

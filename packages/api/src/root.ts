import { createCallerFactory, router } from "./procedures";
import { accountRouter } from "./routers/account.router";
import { authRouter } from "./routers/auth.router";
import { healthRouter } from "./routers/health.router";
import { staffUsersRouter } from "./routers/staff-users.router";
import { catalogRouter } from "./routers/catalog.router";
import { sellerProductsRouter } from "./routers/seller-products.router";
import { staffCategoriesRouter, staffProductsRouter } from "./routers/staff-catalog.router";
import { staffSiteRouter } from "./routers/staff-site.router";
import { checkoutRouter } from "./routers/checkout.router";
import { libraryRouter } from "./routers/library.router";
import { staffPaymentsRouter } from "./routers/staff-payments.router";
import { supportRouter } from "./routers/support.router";
import { linksRouter, staffLinksRouter } from "./routers/links.router";
import { sellerDiscountsRouter } from "./routers/discounts.router";
import { libraryLicensesRouter, sellerLicensesRouter } from "./routers/licenses.router";
import { sellerDashboardProcedure } from "./routers/seller-dashboard.router";
import { sellerCustomersRouter, sellerOrdersRouter } from "./routers/seller-orders.router";

export const appRouter = router({
  health: healthRouter,
  auth: authRouter,
  account: accountRouter,
  catalog: catalogRouter,
  seller: router({
    dashboard: sellerDashboardProcedure,
    orders: sellerOrdersRouter,
    customers: sellerCustomersRouter,
    products: sellerProductsRouter,
    licenses: sellerLicensesRouter,
    discounts: sellerDiscountsRouter,
  }),
  checkout: checkoutRouter,
  library: libraryRouter,
  licenses: libraryLicensesRouter,
  support: supportRouter,
  links: linksRouter,
  staff: router({
    users: staffUsersRouter,
    categories: staffCategoriesRouter,
    products: staffProductsRouter,
    site: staffSiteRouter,
    payments: staffPaymentsRouter,
    links: staffLinksRouter,
  }),
});

export type AppRouter = typeof appRouter;

/** Server-side calls (Remix loaders) go through the same procedures, middleware and checks. */
export const createCaller = createCallerFactory(appRouter);

export { createDb } from "./create-db";
export { insertJsonRows } from "./json-rows";
export type { JsonColumn } from "./json-rows";
export { isUniqueViolation } from "./unique-violation";
export type { VerbContext } from "./context";
export type { Db, CreateDbOptions } from "./create-db";
export { parseDatabaseUrl, redact, DatabaseUrlError } from "./database-url";
export type { DatabaseTarget, Dialect } from "./database-url";
export { migrateToLatest, migrateDown, migrateTo, migrationStatus } from "./migrator";
export type { MigrationState } from "./migrator";
export { checkDbHealth } from "./health";
export type { DbHealth } from "./health";
export type {
  Database,
  Flag,
  SiteSettingsTable,
  UsersTable,
  SaleEmails,
  SessionsTable,
  UserTokensTable,
  UserTokenPurpose,
  RateLimitsTable,
  EmailOutboxTable,
  OutboxStatus,
  CategoriesTable,
  ProductsTable,
  ProductStatus,
  ProductVersionsTable,
  OrderKind,
  OrderStatus,
  OrdersTable,
  SalesHoursTable,
  SalesDaysTable,
  SalesMonthsTable,
  PurchasedProductsTable,
  PaymentEventOutcome,
  PaymentEventsTable,
  DownloadsTable,
  ProviderProductsTable,
  SupportStatus,
  SupportRequestsTable,
  SupportAuthorRole,
  SupportMessagesTable,
  ShortLinkDisabledBy,
  ShortLinksTable,
  ClickDevice,
  LinkClicksTable,
  LinkClickHoursTable,
  ClickFacet,
  LinkClickFacetsTable,
  LinkClickFacetMonthsTable,
  LinkVisitorDaysTable,
  VisitorSaltsTable,
  OrderAttributionsTable,
  LicensePoliciesTable,
  LicensesTable,
  DiscountCodesTable,
  DiscountCodeAmountsTable,
  DiscountCodeProductsTable,
  DiscountRedemptionsTable,
  LicenseActivationsTable,
  LicenseSigningKeysTable,
} from "./schema";

export { createSalesOrderHook } from "./sales-order-hook";
export { getSellerDashboard } from "./get-seller-dashboard";
export { setReportingTimezone } from "./set-reporting-timezone";
export { checkSalesRollups } from "./rebuild-sales-rollups";
export type { RollupCheck } from "./rebuild-sales-rollups";
export type { SalesFigures } from "./sales-figures";
export type { SellerDashboard, CurrencyFigures, PeriodFigures } from "./seller-dashboard";
export { ZSellerDashboardInput, ZSetReportingTimezoneInput } from "./sales.schemas";
export type { TSellerDashboardInput, TSetReportingTimezoneInput } from "./sales.schemas";

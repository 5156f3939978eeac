import type { Migration } from "kysely";
import * as m0001 from "./2026-11-21-0001-site-settings";
import * as m0002 from "./2026-11-21-0002-users-and-sessions";
import * as m0003 from "./2026-11-21-0003-rate-limits";
import * as m0004 from "./2026-11-21-0004-email-outbox";
import * as m0005 from "./2026-11-21-0005-catalog";
import * as m0006 from "./2026-11-21-0006-orders";
import * as m0007 from "./2026-11-21-0007-support";
import * as m0008 from "./2026-11-22-0008-category-sort-indexes";
import * as m0009 from "./2026-11-23-0009-bigint-amounts";
import * as m0010 from "./2026-12-02-0010-short-links";
import * as m0011 from "./2026-12-03-0011-licenses";
import * as m0012 from "./2026-12-03-0012-pay-what-you-want";
import * as m0013 from "./2026-12-03-0013-discount-codes";
import * as m0014 from "./2026-12-03-0014-link-click-facet-months";
import * as m0015 from "./2026-12-03-0015-link-clicks-row-ids";
import * as m0016 from "./2026-12-04-0016-sales-rollups";

/**
 * Listed by hand, not read from disk, so migrations survive bundling and run the same from the
 * CLI, the server and tests. Names sort by date; append only.
 */
export const migrations: Record<string, Migration> = {
  "2026-11-21-0001-site-settings": m0001,
  "2026-11-21-0002-users-and-sessions": m0002,
  "2026-11-21-0003-rate-limits": m0003,
  "2026-11-21-0004-email-outbox": m0004,
  "2026-11-21-0005-catalog": m0005,
  "2026-11-21-0006-orders": m0006,
  "2026-11-21-0007-support": m0007,
  "2026-11-22-0008-category-sort-indexes": m0008,
  "2026-11-23-0009-bigint-amounts": m0009,
  "2026-12-02-0010-short-links": m0010,
  "2026-12-03-0011-licenses": m0011,
  "2026-12-03-0012-pay-what-you-want": m0012,
  "2026-12-03-0013-discount-codes": m0013,
  "2026-12-03-0014-link-click-facet-months": m0014,
  "2026-12-03-0015-link-clicks-row-ids": m0015,
  "2026-12-04-0016-sales-rollups": m0016,
};

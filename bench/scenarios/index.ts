import type { Scenario } from "../lib/scenario";
import { catalog } from "./catalog";
import { downloads } from "./downloads";
import { foundation } from "./foundation";
import { linksAnalytics } from "./links-analytics";
import { linksRedirect } from "./links-redirect";
import { linksShutdown } from "./links-shutdown";
import { login } from "./login";
import { maintenance } from "./maintenance";
import { sellerDashboard } from "./seller-dashboard";
import { webhooks } from "./webhooks";

/** Every scenario `npm run bench` knows, in the order they run by default. */
export const scenarios: Scenario[] = [
  foundation,
  login,
  catalog,
  webhooks,
  downloads,
  maintenance,
  linksRedirect,
  linksShutdown,
  linksAnalytics,
  sellerDashboard,
];

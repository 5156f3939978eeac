import { measure } from "../lib/load";
import { ratio, type Scenario } from "../lib/scenario";
import { startBareHttp, startStore } from "../lib/targets";

/** What the whole stack (Express, logging, tRPC, context) costs over a bare Node endpoint. */
export const foundation: Scenario = {
  name: "foundation",
  description: "bare node:http vs health.ping through the real server",
  async run() {
    const bare = await startBareHttp();
    const bareResult = await measure("bare node:http", { url: `${bare.url}/` }).finally(() =>
      bare.stop(),
    );
    const store = await startStore();
    const pingResult = await measure("health.ping via server", {
      url: `${store.url}/api/trpc/health.ping`,
    }).finally(() => store.stop());
    return {
      results: [bareResult, pingResult],
      ratios: [ratio("health.ping / bare", pingResult, bareResult)],
    };
  },
};

import { SYSTEM, systemClock } from "@digistore/core";
import { createDb } from "@digistore/db";
import { createUser } from "@digistore/domain-users";
import { measure } from "../lib/load";
import { ratio, type Scenario } from "../lib/scenario";
import { startStore } from "../lib/targets";

/**
 * Password logins through the real server. argon2id (19 MiB, t=2) is meant to be slow, so
 * this measures the ceiling it puts on logins per second, next to health.ping for scale.
 */
export const login: Scenario = {
  name: "login",
  description: "auth.login with a correct password vs health.ping, same server",
  async run() {
    const store = await startStore();
    try {
      const db = await createDb(store.databaseUrl);
      await createUser(
        { db: db.db, clock: systemClock, actor: SYSTEM },
        { email: "bench@example.com", password: "bench password 1", displayName: "Bench" },
      );
      await db.close();
      const ping = await measure("health.ping", { url: `${store.url}/api/trpc/health.ping` });
      const logins = await measure("auth.login (argon2id)", {
        url: `${store.url}/api/trpc/auth.login`,
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "bench@example.com", password: "bench password 1" }),
        connections: 8,
      });
      return { results: [ping, logins], ratios: [ratio("login / health.ping", logins, ping)] };
    } finally {
      await store.stop();
    }
  },
};

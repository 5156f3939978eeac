import { seedShortLink, type SeededLink } from "../generators/short-link";
import { VISIT_HEADERS } from "../generators/visit";
import { startStore } from "./targets";

/** The real store on a fresh database (SQLite unless `env` names one) with one link made. */
export async function startStoreWithLink(env: Record<string, string>) {
  let seeded: SeededLink | undefined;
  const store = await startStore(env, {
    prepare: async (databaseUrl) => {
      seeded = await seedShortLink(databaseUrl);
    },
  });
  return { store, link: seeded!, path: `/s/${seeded!.slug}` };
}

/** One visit before the load: a 302 to the link's destination, or the scenario stops here. */
export async function expectRedirect(url: string, link: SeededLink): Promise<void> {
  const response = await fetch(url, { redirect: "manual", headers: VISIT_HEADERS });
  const location = response.headers.get("location");
  if (response.status !== 302 || location !== link.destination)
    throw new Error(
      `${url} answered ${response.status} to ${location}, not 302 to ${link.destination}`,
    );
}

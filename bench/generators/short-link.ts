import { SYSTEM, systemClock, userActor, type UserActor } from "@digistore/core";
import { createDb, migrateToLatest } from "@digistore/db";
import { createShortLink } from "@digistore/domain-shorturl";
import { createUser } from "@digistore/domain-users";

export interface SeededLink {
  readonly linkId: string;
  readonly slug: string;
  readonly destination: string;
  /** Who may read its analytics. */
  readonly owner: UserActor;
}

/** An outside target: the redirect then sets no attribution cookie, like most campaign links. */
const TARGET = "https://example.com/launch-post";

/**
 * Migrates `databaseUrl` (a no-op the second time), then makes one link the way a person does: a verified account
 * (createUser, as the operator makes one) and createShortLink with UTM tags, so the redirect
 * serves exactly what a real link serves.
 */
export async function seedShortLink(
  databaseUrl: string,
  slug = "bench-launch",
): Promise<SeededLink> {
  const handle = await createDb(databaseUrl);
  try {
    await migrateToLatest(handle);
    const person = await createUser(
      { db: handle.db, clock: systemClock, actor: SYSTEM },
      {
        // One owner per link, so one database can hold several.
        email: `bench-${slug}@example.com`,
        password: "bench links password",
        displayName: "Bench Links",
        verified: true,
      },
    );
    const link = await createShortLink(
      {
        db: handle.db,
        clock: systemClock,
        actor: userActor(person),
        // Only names the link's short URL; the server answers on its own address.
        publicUrl: "http://127.0.0.1",
      },
      { slug, targetUrl: TARGET, utmSource: "bench", utmMedium: "load", utmCampaign: "links" },
    );
    return {
      linkId: link.id,
      slug: link.slug,
      destination: link.destination,
      owner: userActor(person),
    };
  } finally {
    await handle.close();
  }
}

/** Rows in `link_clicks` for `linkId`: the clicks the store committed, counted from outside. */
export async function countStoredClicks(databaseUrl: string, linkId: string): Promise<number> {
  const handle = await createDb(databaseUrl, { poolSize: 1 });
  try {
    const row = await handle.db
      .selectFrom("link_clicks")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("link_id", "=", linkId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  } finally {
    await handle.close();
  }
}

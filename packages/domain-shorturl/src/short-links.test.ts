import {
  ANONYMOUS,
  ConflictError,
  DAY,
  ForbiddenError,
  ManualClock,
  NotFoundError,
  RateLimitedError,
  UnauthorizedError,
  userActor,
  ValidationError,
} from "@digistore/core";
import {
  createTestDb,
  insertSellerProduct,
  testDialects,
  type TestDb,
} from "@digistore/db/testing";
import { createTestUser } from "@digistore/domain-users/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createShortLink } from "./create-short-link";
import { deleteShortLink } from "./delete-short-link";
import { disableShortLinkAsStaff } from "./disable-short-link-as-staff";
import { findShortLinkBySlugAsStaff } from "./find-short-link-by-slug-as-staff";
import { getShortLink } from "./get-short-link";
import { listMyShortLinks } from "./list-my-short-links";
import { setShortLinkEnabled } from "./set-short-link-enabled";
import { shortUrlCtx } from "./testing";
import { updateShortLink } from "./update-short-link";

describe.each(testDialects())("short links on %s", (dialect) => {
  let t: TestDb;
  let clock: ManualClock;
  let owner: ReturnType<typeof userActor>;
  let other: ReturnType<typeof userActor>;
  let staff: ReturnType<typeof userActor>;

  beforeEach(async () => {
    t = await createTestDb({ dialect });
    clock = new ManualClock("2026-12-01T10:00:00.000Z");
    owner = userActor((await createTestUser(t.db)).user);
    other = userActor((await createTestUser(t.db)).user);
    staff = userActor((await createTestUser(t.db, { staff: true })).user);
  });
  afterEach(() => t.close());

  const ctx = (actor: Parameters<typeof shortUrlCtx>[1]) => shortUrlCtx(t.db, actor, clock);
  const countLinks = async () =>
    (await t.db.selectFrom("short_links").select("id").execute()).length;

  it("makes a random 7-character link with its UTM tags applied", async () => {
    const link = await createShortLink(ctx(owner), {
      targetUrl: "https://example.com/launch",
      utmSource: "newsletter",
      utmCampaign: "launch week",
      utmTerm: "  ",
    });
    expect(link.slug).toMatch(/^[2-9a-hjkmnp-z]{7}$/);
    expect(link).toMatchObject({
      ownerId: owner.userId,
      shortUrl: `https://shop.example.com/s/${link.slug}`,
      target: "https://example.com/launch",
      destination: "https://example.com/launch?utm_source=newsletter&utm_campaign=launch+week",
      state: "active",
      utm: { utm_source: "newsletter", utm_campaign: "launch week", utm_term: null },
    });
  });

  it("takes a custom slug once, whatever its case, and never a reserved word", async () => {
    const link = await createShortLink(ctx(owner), {
      slug: "Black-Friday",
      targetUrl: "https://a.example",
    });
    expect(link.slug).toBe("black-friday");
    for (const slug of ["black-friday", "BLACK-FRIDAY", " Black-friday "]) {
      await expect(
        createShortLink(ctx(other), { slug, targetUrl: "https://b.example" }),
      ).rejects.toThrow(ConflictError);
    }
    for (const slug of [
      "admin",
      "Login",
      "API",
      "s",
      "ab",
      "has space",
      "dot.slug",
      "x".repeat(65),
    ]) {
      const error = await createShortLink(ctx(owner), {
        slug,
        targetUrl: "https://c.example",
      }).catch((e: unknown) => e);
      expect([slug, error instanceof ValidationError]).toEqual([slug, true]);
    }
    expect(await countLinks()).toBe(1);
  });

  it("refuses unsafe targets with a message on the field, and stores nothing", async () => {
    for (const targetUrl of [
      "javascript:alert(1)",
      "data:text/html,hi",
      "ftp://example.com",
      "/relative",
      "https://user:pw@example.com",
      "https://shop.example.com/s/other",
      "https://SHOP.example.com./S/other",
      `https://example.com/${"a".repeat(2048)}`,
    ]) {
      const error = (await createShortLink(ctx(owner), { targetUrl }).catch(
        (e: unknown) => e,
      )) as ValidationError;
      expect([targetUrl, error instanceof ValidationError]).toEqual([targetUrl, true]);
      expect(error.fieldErrors.targetUrl?.length).toBe(1);
    }
    await expect(createShortLink(ctx(owner), {})).rejects.toThrow(
      "Enter an address or choose a product",
    );
    await expect(
      createShortLink(ctx(owner), {
        targetUrl: "https://a.example",
        expiresAt: "2026-11-30T00:00:00Z",
      }),
    ).rejects.toThrow("Choose an expiry date in the future.");
    expect(await countLinks()).toBe(0);
  });

  it("points at a product's current page, and only at products on sale", async () => {
    const product = await insertSellerProduct(t.db);
    const link = await createShortLink(ctx(owner), { productId: product.id, utmSource: "x" });
    const slug = (
      await t.db
        .selectFrom("products")
        .select("slug")
        .where("id", "=", product.id)
        .executeTakeFirstOrThrow()
    ).slug;
    expect(link.target).toBe(`https://shop.example.com/products/${slug}`);
    await t.db
      .updateTable("products")
      .set({ slug: "renamed" })
      .where("id", "=", product.id)
      .execute();
    expect((await getShortLink(ctx(owner), { linkId: link.id })).destination).toBe(
      "https://shop.example.com/products/renamed?utm_source=x",
    );
    await t.db
      .updateTable("products")
      .set({ status: "draft" })
      .where("id", "=", product.id)
      .execute();
    await expect(createShortLink(ctx(owner), { productId: product.id })).rejects.toThrow(
      NotFoundError,
    );
    await expect(createShortLink(ctx(owner), { productId: "missing" })).rejects.toThrow(
      NotFoundError,
    );
    await expect(
      createShortLink(ctx(owner), { productId: product.id, targetUrl: "https://a.example" }),
    ).rejects.toThrow(ValidationError);
  });

  it("is for verified people only, and limited per person", async () => {
    await expect(
      createShortLink(ctx(ANONYMOUS), { targetUrl: "https://a.example" }),
    ).rejects.toThrow(UnauthorizedError);
    const unverified = userActor((await createTestUser(t.db, { verified: false })).user);
    await expect(
      createShortLink(ctx(unverified), { targetUrl: "https://a.example" }),
    ).rejects.toThrow(ForbiddenError);
    for (let i = 0; i < 30; i++)
      await createShortLink(ctx(owner), { targetUrl: `https://a.example/${i}` });
    await expect(
      createShortLink(ctx(owner), { targetUrl: "https://a.example/31" }),
    ).rejects.toThrow(RateLimitedError);
    // Someone else is not slowed down by it.
    await createShortLink(ctx(other), { targetUrl: "https://a.example/other" });
    expect(await countLinks()).toBe(31);
  });

  it("lets the owner edit the target (the slug stays), pause, resume and delete", async () => {
    const link = await createShortLink(ctx(owner), {
      slug: "promo",
      targetUrl: "https://a.example",
    });
    const edited = await updateShortLink(ctx(owner), {
      linkId: link.id,
      targetUrl: "https://b.example/x",
    });
    expect(edited).toMatchObject({ slug: "promo", destination: "https://b.example/x" });
    expect((await setShortLinkEnabled(ctx(owner), { linkId: link.id, enabled: false })).state).toBe(
      "disabled",
    );
    expect((await setShortLinkEnabled(ctx(owner), { linkId: link.id, enabled: true })).state).toBe(
      "active",
    );
    await deleteShortLink(ctx(owner), { linkId: link.id });
    await expect(getShortLink(ctx(owner), { linkId: link.id })).rejects.toThrow(NotFoundError);
    expect((await listMyShortLinks(ctx(owner))).items).toEqual([]);
    // A deleted slug is never handed out again.
    await expect(
      createShortLink(ctx(other), { slug: "promo", targetUrl: "https://c.example" }),
    ).rejects.toThrow(ConflictError);
  });

  it("shows expiry as a state of its own", async () => {
    const link = await createShortLink(ctx(owner), {
      targetUrl: "https://a.example",
      expiresAt: "2026-12-02T10:00:00+01:00",
    });
    expect(link).toMatchObject({ state: "active", expiresAt: "2026-12-02T09:00:00.000Z" });
    clock.advance(DAY);
    expect((await getShortLink(ctx(owner), { linkId: link.id })).state).toBe("expired");
  });

  it("answers NOT_FOUND for another person's link, whatever they try", async () => {
    const link = await createShortLink(ctx(owner), { targetUrl: "https://a.example" });
    const attempts = [
      () => getShortLink(ctx(other), { linkId: link.id }),
      () => updateShortLink(ctx(other), { linkId: link.id, targetUrl: "https://evil.example" }),
      () => setShortLinkEnabled(ctx(other), { linkId: link.id, enabled: false }),
      () => deleteShortLink(ctx(other), { linkId: link.id }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toThrow(NotFoundError);
    expect(await getShortLink(ctx(owner), { linkId: link.id })).toMatchObject({
      destination: "https://a.example/",
      state: "active",
    });
    expect((await listMyShortLinks(ctx(other))).items).toEqual([]);
  });

  it("lets staff disable any link with a reason its owner sees, and nobody else", async () => {
    const link = await createShortLink(ctx(owner), { targetUrl: "https://a.example" });
    await expect(
      disableShortLinkAsStaff(ctx(owner), { linkId: link.id, reason: "phishing" }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      disableShortLinkAsStaff(ctx(ANONYMOUS), { linkId: link.id, reason: "phishing" }),
    ).rejects.toThrow(UnauthorizedError);
    await expect(
      disableShortLinkAsStaff(ctx(staff), { linkId: link.id, reason: "" }),
    ).rejects.toThrow(ValidationError);
    const disabled = await disableShortLinkAsStaff(ctx(staff), {
      linkId: link.id,
      reason: "Reported as phishing",
    });
    expect(disabled).toMatchObject({
      state: "disabled",
      disabledBy: "staff",
      disabledReason: "Reported as phishing",
    });
    expect(await getShortLink(ctx(staff), { linkId: link.id })).toMatchObject({
      state: "disabled",
    });
    await expect(
      setShortLinkEnabled(ctx(owner), { linkId: link.id, enabled: true }),
    ).rejects.toThrow("Staff disabled this link");
    expect((await getShortLink(ctx(owner), { linkId: link.id })).disabledReason).toBe(
      "Reported as phishing",
    );
  });

  it("lets staff, and only staff, find a link by its slug in any case", async () => {
    const link = await createShortLink(ctx(owner), {
      slug: "spring-sale",
      targetUrl: "https://a.example",
    });
    expect(await findShortLinkBySlugAsStaff(ctx(staff), { slug: " Spring-SALE " })).toMatchObject({
      id: link.id,
      ownerId: owner.userId,
      destination: "https://a.example/",
    });
    await expect(findShortLinkBySlugAsStaff(ctx(owner), { slug: "spring-sale" })).rejects.toThrow(
      ForbiddenError,
    );
    await expect(
      findShortLinkBySlugAsStaff(ctx(ANONYMOUS), { slug: "spring-sale" }),
    ).rejects.toThrow(UnauthorizedError);
    await expect(findShortLinkBySlugAsStaff(ctx(staff), { slug: "no-such" })).rejects.toThrow(
      NotFoundError,
    );
    await expect(findShortLinkBySlugAsStaff(ctx(staff), { slug: "  " })).rejects.toThrow(
      ValidationError,
    );
    await deleteShortLink(ctx(owner), { linkId: link.id });
    await expect(findShortLinkBySlugAsStaff(ctx(staff), { slug: "spring-sale" })).rejects.toThrow(
      NotFoundError,
    );
  });

  it("lists a person's links newest first, a page at a time", async () => {
    for (let i = 0; i < 5; i++) {
      await createShortLink(ctx(owner), { targetUrl: `https://a.example/${i}` });
      clock.advance(1000);
    }
    const first = await listMyShortLinks(ctx(owner), { limit: 2 });
    const second = await listMyShortLinks(ctx(owner), { limit: 2, cursor: first.nextCursor! });
    const third = await listMyShortLinks(ctx(owner), { limit: 2, cursor: second.nextCursor! });
    expect([...first.items, ...second.items, ...third.items].map((l) => l.target)).toEqual([
      "https://a.example/4",
      "https://a.example/3",
      "https://a.example/2",
      "https://a.example/1",
      "https://a.example/0",
    ]);
    expect(third.nextCursor).toBeNull();
  });
});

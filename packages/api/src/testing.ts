import { createCheckoutDiscounts } from "@digistore/domain-discounts";
import { createLicenseOrderHook } from "@digistore/domain-licenses";
import { createClickRecorder, createLinkResolver } from "@digistore/domain-shorturl";
import { ManualClock, SYSTEM } from "@digistore/core";
import type { Dialect } from "@digistore/db";
import { createTestDb, RecordingOutbox, type TestDb } from "@digistore/db/testing";
import type { UserEmail } from "@digistore/domain-users";
import type { OrderEmail } from "@digistore/domain-orders";
import type { SaleDigest, SaleNotice } from "@digistore/domain-sales";
import type { SupportEmail } from "@digistore/domain-support";
import { TestPaymentProvider } from "@digistore/domain-orders/testing";
import { createSiteSettingsReader } from "@digistore/domain-site";
import { createPaymentEventIngester } from "@digistore/domain-orders";
import {
  DEFAULT_CATALOG_LIMITS,
  createLocalDiskStorage,
  type CatalogLimits,
} from "@digistore/domain-catalog";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AppServices, Context, SessionCookie } from "./context";
import { createContext } from "./context";
import { createCaller } from "./root";

const USER_EMAIL_KINDS: readonly string[] = [
  "verify_email",
  "reset_password",
  "account_exists",
  "password_changed",
];

/** Every email the domains queue (account, order and support emails alike) that committed. */
class RecordingEmails extends RecordingOutbox<
  UserEmail | OrderEmail | SupportEmail | SaleNotice | SaleDigest
> {
  /** The order and support emails among them. */
  async orderEmails(): Promise<(OrderEmail | SupportEmail | SaleNotice | SaleDigest)[]> {
    return (await this.sent()).filter(
      (email): email is OrderEmail | SupportEmail | SaleNotice | SaleDigest =>
        !USER_EMAIL_KINDS.includes(email.kind),
    );
  }
}

/** What a SessionCookie was told, so tests can assert on cookies without HTTP. */
export class RecordingSessionCookie implements SessionCookie {
  token: string | null | undefined = undefined;
  expiresAt: string | undefined;

  set(token: string, expiresAt: string): void {
    this.token = token;
    this.expiresAt = expiresAt;
  }

  clear(): void {
    this.token = null;
  }
}

export interface TestApi {
  readonly testDb: TestDb;
  readonly services: AppServices;
  readonly clock: ManualClock;
  readonly emails: RecordingEmails;
  readonly payments: TestPaymentProvider;
  /** A caller as a browser holding `sessionToken` (or none) would be. */
  caller(
    sessionToken?: string,
    cookie?: SessionCookie,
    bypassCookie?: string,
  ): ReturnType<typeof createCaller>;
  /** The context a request holding `sessionToken` gets (for non-tRPC entry points like uploads). */
  context(sessionToken?: string): Promise<Context>;
  close(): Promise<void>;
}

export async function createTestApi(
  dialect: Dialect,
  limits: Partial<CatalogLimits> = {},
): Promise<TestApi> {
  const testDb = await createTestDb({ dialect });
  const clock = new ManualClock("2026-11-21T10:00:00.000Z");
  const emails = new RecordingEmails(testDb.db);
  const payments = new TestPaymentProvider();
  const storageDir = mkdtempSync(join(tmpdir(), "digistore-api-storage-"));
  const parts = {
    db: testDb.db,
    dialect: testDb.dialect,
    clock,
    emails,
    storage: createLocalDiskStorage(storageDir),
    catalogLimits: { ...DEFAULT_CATALOG_LIMITS, ...limits },
    site: createSiteSettingsReader({ db: testDb.db, clock }),
    payments,
    publicUrl: "http://store.test",
    downloadSecret: "test-download-secret",
    // As the app wires it: licence keys are issued inside the access transaction.
    orderHooks: [createLicenseOrderHook({ clock })],
    discounts: createCheckoutDiscounts({ clock }),
  };
  const services: AppServices = {
    ...parts,
    paymentEvents: createPaymentEventIngester({ ...parts, actor: SYSTEM }),
    links: createLinkResolver({ db: testDb.db, clock, publicUrl: parts.publicUrl }),
    // Not started: tests flush when they want the clicks stored.
    clicks: createClickRecorder({ db: testDb.db, clock }),
  };
  return {
    testDb,
    services,
    clock,
    emails,
    payments,
    caller: (sessionToken, cookie, bypassCookie) =>
      createCaller(() =>
        createContext(services, {
          requestId: "test",
          ip: "127.0.0.1",
          sessionToken,
          bypassCookie,
          ...(cookie ? { sessionCookie: cookie } : {}),
        }),
      ),
    context: (sessionToken) =>
      createContext(services, { requestId: "test", ip: "127.0.0.1", sessionToken }),
    close: async () => {
      await testDb.close();
      rmSync(storageDir, { recursive: true, force: true });
    },
  };
}

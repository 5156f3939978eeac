import { ManualClock } from "@digistore/core";
import type { Dialect } from "@digistore/db";
import { createTestDb, type TestDb } from "@digistore/db/testing";
import { RecordingEmailQueue } from "@digistore/domain-users/testing";
import type { UserEmail } from "@digistore/domain-users";
import type { OrderEmail } from "@digistore/domain-orders";
import type { SupportEmail } from "@digistore/domain-support";
import { TestPaymentProvider } from "@digistore/domain-orders/testing";
import type { Database } from "@digistore/db";
import type { Kysely } from "kysely";
import { createSiteSettingsReader } from "@digistore/domain-site";
import { createPaymentEventIngester } from "@digistore/domain-orders";
import { ordersDeps } from "./deps";
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

/** Records every email the domains queue (account and order emails alike). */
const USER_EMAIL_KINDS: readonly string[] = [
  "verify_email",
  "reset_password",
  "account_exists",
  "password_changed",
];

function isUserEmail(email: UserEmail | OrderEmail | SupportEmail): email is UserEmail {
  return USER_EMAIL_KINDS.includes(email.kind);
}

export class RecordingEmails extends RecordingEmailQueue {
  readonly orderEmails: (OrderEmail | SupportEmail)[] = [];

  override async queue(
    db: Kysely<Database>,
    email: UserEmail | OrderEmail | SupportEmail,
  ): Promise<void> {
    if (isUserEmail(email)) return super.queue(db, email);
    await db.selectFrom("orders").select("id").limit(1).execute();
    this.orderEmails.push(email);
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
  const emails = new RecordingEmails();
  const payments = new TestPaymentProvider();
  const storageDir = mkdtempSync(join(tmpdir(), "digistore-api-storage-"));
  const parts = {
    db: testDb,
    clock,
    emails,
    storage: createLocalDiskStorage(storageDir),
    catalogLimits: { ...DEFAULT_CATALOG_LIMITS, ...limits },
    site: createSiteSettingsReader({ db: testDb.db, clock }),
    payments,
    publicUrl: "http://store.test",
    downloadSecret: "test-download-secret",
    orderHooks: [],
  };
  const services: AppServices = {
    ...parts,
    paymentEvents: createPaymentEventIngester(ordersDeps(parts)),
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

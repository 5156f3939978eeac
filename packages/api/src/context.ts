import { ANONYMOUS, userActor, type Actor, type Clock } from "@digistore/core";
import type { Database, Dialect } from "@digistore/db";
import type { CatalogLimits, FileStorage } from "@digistore/domain-catalog";
import type {
  CheckoutDiscounts,
  OrderChangeHook,
  OrderEmailQueue,
  PaymentEventIngester,
  PaymentProvider,
} from "@digistore/domain-orders";
import type { ClickRecorder, LinkResolver } from "@digistore/domain-shorturl";
import type { SiteSettingsReader } from "@digistore/domain-site";
import type { SaleNoticeQueue } from "@digistore/domain-sales";
import type { SupportEmailQueue } from "@digistore/domain-support";
import {
  validateSessionToken,
  type ClientInfo,
  type EmailQueue,
  type User,
} from "@digistore/domain-users";
import type { Kysely } from "kysely";

/** Long-lived dependencies, built once per process by the app and shared by every request. */
export interface AppServices {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  readonly clock: Clock;
  /** The outbox: queues every kind of email the domains send. */
  readonly emails: EmailQueue & OrderEmailQueue & SupportEmailQueue & SaleNoticeQueue;
  readonly storage: FileStorage;
  readonly catalogLimits: CatalogLimits;
  /** Maintenance mode and bypass secret, cached per process. */
  readonly site: SiteSettingsReader;
  readonly payments: PaymentProvider;
  /** The store's public origin (return URLs, email links). */
  readonly publicUrl: string;
  /** HMAC key for download links, shared by every process. */
  readonly downloadSecret: string;
  /** Reactions of upper modules (support) to order changes, inside the same transaction. */
  readonly orderHooks: readonly OrderChangeHook[];
  /** Discount codes at checkout: the discounts module behind the orders port. */
  readonly discounts: CheckoutDiscounts;
  /** Verified provider events go here: one per process (it batches SQLite's single writer). */
  readonly paymentEvents: PaymentEventIngester;
  /** The short-link redirect's lookup cache, one per process. */
  readonly links: LinkResolver;
  /** Clicks queued off the redirect's response path, written in batches by this process. */
  readonly clicks: ClickRecorder;
}

/**
 * Cookies stay in the web app: procedures only say "remember this session" or "forget it",
 * and the transport (Express response, Remix headers) writes the Set-Cookie.
 */
export interface SessionCookie {
  set(token: string, expiresAt: string): void;
  clear(): void;
}

export interface RequestInfo {
  readonly requestId: string;
  readonly ip?: string | undefined;
  readonly userAgent?: string | undefined;
  /** The session token from the request's cookie, if any. */
  readonly sessionToken?: string | undefined;
  readonly sessionCookie?: SessionCookie;
  /** The maintenance bypass cookie's value, if the request carries one. */
  readonly bypassCookie?: string | undefined;
  /** The short-link attribution cookie's value, if any (read when a checkout starts). */
  readonly attributionCookie?: string | undefined;
}

export interface Context extends AppServices {
  readonly requestId: string;
  readonly actor: Actor;
  /** The signed-in person's whole record (null unless `actor` is a user). */
  readonly user: User | null;
  readonly request: RequestInfo;
  /** Where the request came from (`request.ip`/`userAgent`), as verbs read it. */
  readonly client: ClientInfo;
  readonly sessionCookie: SessionCookie;
}

const noCookie: SessionCookie = { set: () => undefined, clear: () => undefined };

/** Resolves who is calling once per request: one session lookup, sliding the cookie when due. */
export async function createContext(services: AppServices, request: RequestInfo): Promise<Context> {
  const sessionCookie = request.sessionCookie ?? noCookie;
  let actor: Actor = ANONYMOUS;
  let user: User | null = null;
  if (request.sessionToken) {
    const validated = await validateSessionToken(
      { db: services.db, clock: services.clock },
      request.sessionToken,
    );
    if (validated) {
      user = validated.user;
      actor = userActor(user, validated.session.id);
      if (validated.refreshed) sessionCookie.set(request.sessionToken, validated.session.expiresAt);
    } else {
      sessionCookie.clear();
    }
  }
  const client = { ip: request.ip, userAgent: request.userAgent };
  return { ...services, requestId: request.requestId, actor, user, request, client, sessionCookie };
}

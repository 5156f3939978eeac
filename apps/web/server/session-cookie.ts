import type { SessionCookie } from "@digistore/api";
import { parse, serialize } from "cookie";
import type { IncomingMessage } from "node:http";
import type { Response } from "express";

export const SESSION_COOKIE = "digistore_session";

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  return header ? parse(header)[name] : undefined;
}

export function readSessionToken(req: IncomingMessage): string | undefined {
  return readCookie(req, SESSION_COOKIE);
}

/**
 * HttpOnly so scripts never see the token, SameSite=Lax so other sites cannot post with it,
 * Secure whenever the store is served over https.
 */
export function expressSessionCookie(res: Response, secure: boolean): SessionCookie {
  const base = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
  return {
    set(token, expiresAt) {
      res.append(
        "Set-Cookie",
        serialize(SESSION_COOKIE, token, { ...base, expires: new Date(expiresAt) }),
      );
    },
    clear() {
      res.append("Set-Cookie", serialize(SESSION_COOKIE, "", { ...base, expires: new Date(0) }));
    },
  };
}

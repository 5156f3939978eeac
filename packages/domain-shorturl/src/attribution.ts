import { DAY } from "@digistore/core";

export const ATTRIBUTION_COOKIE = "ds_link";
/** Last click wins for 30 days: the cookie's lifetime and the window a checkout must start in. */
export const ATTRIBUTION_WINDOW_MS = 30 * DAY;

/** `<linkId>.<click time in ms>`: no personal data, only which link and when. */
export function attributionCookieValue(linkId: string, clickedAt: Date): string {
  return `${linkId}.${clickedAt.getTime()}`;
}

const COOKIE_SHAPE = /^([0-9a-f-]{1,64})\.(\d{1,15})$/;

/** The link a cookie names if its click is inside the window at `now`; null otherwise. */
export function readAttributionCookie(
  value: string | undefined,
  now: Date,
): { linkId: string; clickedAt: Date } | null {
  const match = value ? COOKIE_SHAPE.exec(value) : null;
  if (!match) return null;
  const clickedAt = new Date(Number(match[2]));
  const age = now.getTime() - clickedAt.getTime();
  if (age < 0 || age > ATTRIBUTION_WINDOW_MS) return null;
  return { linkId: match[1]!, clickedAt };
}

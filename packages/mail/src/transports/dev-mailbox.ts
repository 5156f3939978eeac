import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";

/** The `<id>.json` file the file transport writes next to `<id>.eml`. */
const ZDevMail = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  sentAt: z.string(),
});

export type DevMail = z.infer<typeof ZDevMail>;
export type DevMailSummary = Pick<DevMail, "id" | "to" | "subject" | "sentAt">;

/** Ids become file names; anything else (`../../etc/passwd`) must never reach the file system. */
const DEV_MAIL_ID = /^[0-9a-f-]{36}$/;

export function isDevMailId(id: string): boolean {
  return DEV_MAIL_ID.test(id);
}

/** Newest first. A missing directory is an empty mailbox; unreadable files are skipped. */
export async function listDevMail(
  dir: string,
  options: { limit?: number } = {},
): Promise<DevMailSummary[]> {
  const limit = Math.max(0, options.limit ?? 50);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
  const ids = names.filter((n) => n.endsWith(".json")).map((n) => n.slice(0, -".json".length));
  const mails = await Promise.all(ids.map((id) => readDevMail(dir, id)));
  return mails
    .filter((m): m is DevMail => m !== null)
    .sort((a, b) => b.sentAt.localeCompare(a.sentAt) || b.id.localeCompare(a.id))
    .slice(0, limit)
    .map(({ id, to, subject, sentAt }) => ({ id, to, subject, sentAt }));
}

/** One stored email, or null when the id is malformed, unknown or its file is unreadable. */
export async function readDevMail(dir: string, id: string): Promise<DevMail | null> {
  if (!isDevMailId(id)) return null;
  let raw: string;
  try {
    raw = await readFile(join(dir, `${id}.json`), "utf8");
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  try {
    const parsed = ZDevMail.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}

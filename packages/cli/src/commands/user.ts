import type { Db } from "@digistore/db";
import { createUser, setPassword } from "@digistore/domain-users";
import { SYSTEM, systemClock } from "@digistore/core";
import { parseArgs } from "node:util";
import { UsageError, type Io } from "../io";

export const userUsage = `digistore user create --email <email> [--name <name>] [--password <pw>] [--staff | --seller] [--unverified]
  digistore user set-password --email <email> [--password <pw>]`;

/** Passwords come from --password or, better (no shell history), from standard input. */
async function passwordFrom(
  values: { password?: string | undefined },
  readStdin: () => Promise<string>,
): Promise<string> {
  if (values.password) return values.password;
  const fromStdin = (await readStdin()).replace(/\r?\n$/, "");
  if (!fromStdin) throw new UsageError("give the password with --password or on standard input");
  return fromStdin;
}

export async function userCommand(
  db: Db,
  args: string[],
  io: Io,
  readStdin: () => Promise<string>,
): Promise<number> {
  const [action, ...rest] = args;
  const ctx = { db: db.db, clock: systemClock, actor: SYSTEM };
  if (action === "create") {
    const { values } = parseArgs({
      args: rest,
      options: {
        email: { type: "string" },
        name: { type: "string" },
        password: { type: "string" },
        staff: { type: "boolean", default: false },
        seller: { type: "boolean", default: false },
        unverified: { type: "boolean", default: false },
      },
      strict: true,
    });
    if (!values.email) throw new UsageError(`--email is required. Usage: ${userUsage}`);
    const user = await createUser(ctx, {
      email: values.email,
      password: await passwordFrom(values, readStdin),
      displayName: values.name ?? values.email.split("@")[0],
      staff: values.staff,
      seller: values.seller,
      verified: !values.unverified,
    });
    const roles = Object.entries(user.roles)
      .filter(([, on]) => on)
      .map(([role]) => role);
    io.out(
      `Created ${user.email} (${roles.join(", ")})${user.emailVerified ? "" : ", email not verified"}.`,
    );
    return 0;
  }
  if (action === "set-password") {
    const { values } = parseArgs({
      args: rest,
      options: { email: { type: "string" }, password: { type: "string" } },
      strict: true,
    });
    if (!values.email) throw new UsageError(`--email is required. Usage: ${userUsage}`);
    await setPassword(ctx, {
      email: values.email,
      password: await passwordFrom(values, readStdin),
    });
    io.out(`Password set for ${values.email}; its sessions were ended.`);
    return 0;
  }
  throw new UsageError(`unknown user action "${action ?? ""}". Usage: ${userUsage}`);
}

/**
 * One variable picks the engine: `file:`/`sqlite:` paths (or `:memory:`) mean embedded SQLite,
 * `postgres://`/`postgresql://` mean a PostgreSQL server. Anything else is a configuration error.
 */
export type DatabaseTarget =
  | { readonly dialect: "sqlite"; readonly filename: string }
  | { readonly dialect: "postgres"; readonly connectionString: string };

export type Dialect = DatabaseTarget["dialect"];

export class DatabaseUrlError extends Error {
  override name = "DatabaseUrlError";
}

export function parseDatabaseUrl(url: string): DatabaseTarget {
  const value = url.trim();
  if (value === ":memory:" || value === "sqlite::memory:") {
    return { dialect: "sqlite", filename: ":memory:" };
  }
  const sqlite = /^(?:file|sqlite):(?:\/\/)?(.+)$/.exec(value);
  if (sqlite?.[1]) return { dialect: "sqlite", filename: sqlite[1] };
  if (/^postgres(?:ql)?:\/\/.+/.test(value))
    return { dialect: "postgres", connectionString: value };
  throw new DatabaseUrlError(
    `unsupported database URL "${redact(value)}": use file:./path.db for SQLite or postgres://user@host/db for PostgreSQL`,
  );
}

/** Never echo a password back into logs or error messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}

import { z } from "zod";
import {
  addDays,
  canonicalTimeZone,
  daysInclusive,
  isCalendarDate,
  localDate,
} from "./calendar-days";
import { ValidationError } from "./errors";

/** The longest range a report answers for: a year, leap day included. */
const MAX_RANGE_DAYS = 366;
const DEFAULT_RANGE_DAYS = 30;

const TIME_ZONE_MESSAGE = "Unknown time zone: use a name such as Europe/Paris or UTC.";

/** An IANA time zone as Intl knows it; "" means UTC. */
export const ZTimeZone = z
  .string()
  .trim()
  .max(64, TIME_ZONE_MESSAGE)
  .transform((value, check) => {
    const zone = value === "" ? "UTC" : canonicalTimeZone(value);
    if (zone) return zone;
    check.addIssue({ code: "custom", message: TIME_ZONE_MESSAGE });
    return z.NEVER;
  });

// Forms and query strings send "" for a field left empty: that means "the default".
const ZOptionalDate = z
  .union([
    z.literal("").transform(() => undefined),
    z
      .string()
      .trim()
      .refine(isCalendarDate, "Use a real date written YYYY-MM-DD, e.g. 2026-12-01."),
  ])
  .optional();

/**
 * The fields of a report over local days: `from`..`to` (both included) in `timezone`, or the
 * `days` ending with `to` (default today); 30 days when nothing is given.
 */
export const ZDayRangeFields = {
  from: ZOptionalDate,
  to: ZOptionalDate,
  days: z.coerce
    .number()
    .int("Choose a whole number of days.")
    .min(1, "Choose at least one day.")
    .max(MAX_RANGE_DAYS, `Choose at most ${MAX_RANGE_DAYS} days.`)
    .optional(),
  timezone: ZTimeZone.default("UTC"),
};

/** Why a range cannot be shown, or null. */
function dayRangeProblem(
  from: string,
  to: string,
): { field: "from" | "to"; message: string } | null {
  if (from > to)
    return { field: "from", message: "The start date must be on or before the end date." };
  if (daysInclusive(from, to) > MAX_RANGE_DAYS) {
    return { field: "to", message: `Choose at most ${MAX_RANGE_DAYS} days.` };
  }
  return null;
}

/** For a schema's `superRefine`: reports a given `from`..`to` that cannot be shown. */
export function refineDayRange(
  input: { from?: string | undefined; to?: string | undefined },
  check: z.RefinementCtx,
): void {
  const problem = input.from && input.to && dayRangeProblem(input.from, input.to);
  if (problem) check.addIssue({ code: "custom", message: problem.message, path: [problem.field] });
}

export interface DayRange {
  readonly from: string;
  readonly to: string;
  readonly timezone: string;
  /** Days in the range. */
  readonly length: number;
  /** The same number of days just before it, for "vs the previous period". */
  readonly previous: { readonly from: string; readonly to: string };
}

/** The range parsed fields ask for, with defaults filled in at `nowMs` (ValidationError if none). */
export function resolveDayRange(
  fields: {
    from?: string | undefined;
    to?: string | undefined;
    days?: number | undefined;
    timezone: string;
  },
  nowMs: number,
): DayRange {
  const to = fields.to ?? localDate(fields.timezone, nowMs);
  const from = fields.from ?? addDays(to, 1 - (fields.days ?? DEFAULT_RANGE_DAYS));
  const problem = dayRangeProblem(from, to);
  if (problem) throw new ValidationError(problem.message, { [problem.field]: [problem.message] });
  const length = daysInclusive(from, to);
  return {
    from,
    to,
    timezone: fields.timezone,
    length,
    previous: { from: addDays(from, -length), to: addDays(from, -1) },
  };
}

import { z } from "zod";
import { MAINTENANCE_MESSAGE_MAX } from "./maintenance";

const ZMaintenanceMessage = z
  .string()
  .trim()
  .min(1, "Enter a message for visitors")
  .max(MAINTENANCE_MESSAGE_MAX, `Message must be at most ${MAINTENANCE_MESSAGE_MAX} characters`);

/** Any ISO 8601 date-time with a zone, stored normalised to UTC with milliseconds. */
const ZExpectedBackAt = z
  .string()
  .trim()
  .pipe(
    z.iso.datetime({
      offset: true,
      message: "Enter a date and time like 2026-11-21T18:00:00Z",
    }),
  )
  .transform((value) => new Date(value).toISOString());

export const ZSetMaintenanceInput = z.object({
  enabled: z.boolean(),
  /** Omitted: keep the current message. */
  message: ZMaintenanceMessage.optional(),
  /** Omitted or null: no expected time. */
  expectedBackAt: ZExpectedBackAt.nullable().optional(),
});
export type TSetMaintenanceInput = z.input<typeof ZSetMaintenanceInput>;

/**
 * A `?bypass=` key as typed. No length limit here on purpose: a wrong key of any length is
 * refused the same way and counts against the per-IP limit (over-long ones are not hashed).
 */
export const ZCheckBypassKeyInput = z.object({ key: z.string() });
export type TCheckBypassKeyInput = z.input<typeof ZCheckBypassKeyInput>;

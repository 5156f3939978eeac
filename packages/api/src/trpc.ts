import { initTRPC } from "@trpc/server";
import { z } from "zod";
import type { Context } from "./context";
import { errorData, inputErrorMessage } from "./errors";

export interface Meta {
  /** Keeps answering while maintenance mode is on (login, health). */
  readonly maintenanceExempt?: boolean;
}

export const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error }) {
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      const message =
        error.cause instanceof z.ZodError
          ? inputErrorMessage(error.cause)
          : internal
            ? "Something went wrong on our side. Please try again."
            : shape.message;
      const { stack: _stack, ...data } = shape.data;
      return { ...shape, message, data: { ...data, ...errorData(error.cause) } };
    },
  });

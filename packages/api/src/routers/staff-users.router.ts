import {
  searchUsers,
  setSellerRole,
  setUserDisabled,
  ZSetSellerRoleInput,
  ZSetUserDisabledInput,
} from "@digistore/domain-users";
import { z } from "zod";
import { router, staffProcedure } from "../procedures";
import { usersDeps } from "../deps";

export const staffUsersRouter = router({
  search: staffProcedure
    .input(
      z.object({
        query: z.string().max(100).default(""),
        limit: z.number().int().min(1).max(100).default(50),
      }),
    )
    .query(({ ctx, input }) => searchUsers(usersDeps(ctx), input.query, input.limit)),

  setDisabled: staffProcedure
    .input(ZSetUserDisabledInput)
    .mutation(({ ctx, input }) => setUserDisabled(usersDeps(ctx), ctx.user.id, input)),

  setSeller: staffProcedure
    .input(ZSetSellerRoleInput)
    .mutation(({ ctx, input }) => setSellerRole(usersDeps(ctx), input)),
});

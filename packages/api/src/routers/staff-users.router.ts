import {
  searchUsers,
  setSellerRole,
  setUserDisabled,
  ZSearchUsersInput,
  ZSetSellerRoleInput,
  ZSetUserDisabledInput,
} from "@digistore/domain-users";
import { router, staffProcedure } from "../procedures";

export const staffUsersRouter = router({
  search: staffProcedure
    .input(ZSearchUsersInput)
    .query(({ ctx, input }) => searchUsers(ctx, input)),

  setDisabled: staffProcedure
    .input(ZSetUserDisabledInput)
    .mutation(({ ctx, input }) => setUserDisabled(ctx, input)),

  setSeller: staffProcedure
    .input(ZSetSellerRoleInput)
    .mutation(({ ctx, input }) => setSellerRole(ctx, input)),
});

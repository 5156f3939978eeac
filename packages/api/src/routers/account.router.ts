import {
  becomeSeller,
  changePassword,
  listSessions,
  updateProfile,
  ZBecomeSellerInput,
  ZChangePasswordInput,
  ZUpdateProfileInput,
} from "@digistore/domain-users";
import {
  setReportingTimezone,
  setSaleEmails,
  ZSetReportingTimezoneInput,
  ZSetSaleEmailsInput,
} from "@digistore/domain-sales";
import { authedProcedure, router } from "../procedures";

export const accountRouter = router({
  profile: authedProcedure.query(({ ctx }) => ctx.user),

  updateProfile: authedProcedure
    .input(ZUpdateProfileInput)
    .mutation(({ ctx, input }) => updateProfile(ctx, input)),

  changePassword: authedProcedure
    .input(ZChangePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx, input)),

  sessions: authedProcedure.query(({ ctx }) => listSessions(ctx)),

  /** The zone the person's reports (the seller dashboard) count days in. */
  setTimezone: authedProcedure
    .input(ZSetReportingTimezoneInput)
    .mutation(({ ctx, input }) => setReportingTimezone(ctx, input)),

  /** A seller's "you made a sale" emails: each sale, or off. */
  setSaleEmails: authedProcedure
    .input(ZSetSaleEmailsInput)
    .mutation(({ ctx, input }) => setSaleEmails(ctx, input)),

  becomeSeller: authedProcedure
    .input(ZBecomeSellerInput)
    .mutation(({ ctx, input }) => becomeSeller(ctx, input)),
});

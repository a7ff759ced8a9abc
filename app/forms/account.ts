import { z } from "zod";
import { USER_ROLES } from "~db/enums";
import { formObject, parsed, type Unparsed } from "./form-object";
import { cleanText } from "~/utils/clean-text";
import { PASSWORD_MAX, PASSWORD_MIN, passwordLength } from "~/utils/password-length";

// Passwords are taken exactly as typed: no trimming, no truncation (app/utils/password.server.ts).
const password = z.string().refine((value) => passwordLength(value) <= PASSWORD_MAX, {
  params: { key: "form.errors.tooLong", max: PASSWORD_MAX },
});
const newPassword = z.string().superRefine((value, ctx) => {
  const length = passwordLength(value);
  if (length === 0) ctx.addIssue({ code: z.ZodIssueCode.custom, params: { key: "form.errors.required" } });
  else if (length < PASSWORD_MIN)
    ctx.addIssue({ code: z.ZodIssueCode.custom, params: { key: "form.errors.tooShort", min: PASSWORD_MIN } });
  else if (length > PASSWORD_MAX)
    ctx.addIssue({ code: z.ZodIssueCode.custom, params: { key: "form.errors.tooLong", max: PASSWORD_MAX } });
});
const email = z.string().trim().max(254);
const name = z.string().transform(cleanText).pipe(z.string().trim().min(1).max(200));

const confirmed = (value: { password: string | Unparsed; confirm: string | Unparsed }, ctx: z.RefinementCtx) => {
  if (parsed(value.password) && parsed(value.confirm) && value.password !== value.confirm) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["confirm"], params: { key: "account.errors.mismatch" } });
  }
};

export const SignInSchema = z.object({ email, password, redirectTo: z.string().max(2000).optional() });

// A mismatch is reported beside a missing current password, not after it is given.
export const PasswordChangeSchema = formObject(
  { current: password, password: newPassword, confirm: password },
  confirmed,
);

export const AcceptInvitationSchema = formObject({ name, password: newPassword, confirm: password }, confirmed);

export const InviteSchema = z.object({ email: email.pipe(z.string().email()), name, role: z.enum(USER_ROLES) });

export const AccountChangeSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("role"), role: z.enum(USER_ROLES) }),
  z.object({ intent: z.literal("disable") }),
  z.object({ intent: z.literal("enable") }),
  z.object({ intent: z.literal("renew") }),
]);

/** Fields never sent back to the browser after a failed post. */
export const SECRET_FIELDS = ["password", "confirm", "current"];

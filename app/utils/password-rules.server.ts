import { z } from "zod";
import { PASSWORD_MAX, PASSWORD_MIN, passwordLength } from "./password-length";
import { judgePassword } from "./password-strength";

/**
 * A form's schema with the server's last word on its new password: not the account's email or
 * name, and not common, leaked or otherwise easy to guess (app/utils/password-strength.ts). The
 * browser checks the length with the same schema; the dictionary stays on the server.
 */
export function withPasswordRules<Schema extends z.ZodType<{ password: string }>>(
  schema: Schema,
  personal: (value: z.output<Schema>) => string[],
) {
  // Typed through the constraint, superRefine would forget the schema's other fields.
  return schema.superRefine((value, ctx) => {
    // A password of the wrong length already has its message.
    const length = passwordLength(value.password);
    if (length < PASSWORD_MIN || length > PASSWORD_MAX) return;
    const { problem } = judgePassword(value.password, personal(value as z.output<Schema>));
    if (problem)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["password"],
        params: { key: `account.errors.${problem}Password` },
      });
  }) as unknown as z.ZodEffects<Schema>;
}

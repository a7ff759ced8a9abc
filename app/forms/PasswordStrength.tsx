import { useEffect, useState } from "react";
import { useTranslation } from "~/i18n/react";
import { PASSWORD_MIN, passwordLength } from "~/utils/password-length";
import type { judgePassword, PasswordJudgement } from "~/utils/password-strength";
import { keyFrom } from "~/i18n/translate";
import { TextField } from "~/forms/Controls";
import type { ControlField } from "~/forms/row-fields";

const LEVELS = ["veryWeak", "weak", "fair", "strong", "veryStrong"] as const;

// zxcvbn's warnings, gathered into what a reader can act on.
const WARNINGS: Record<string, string> = {
  common: "common",
  topTen: "common",
  topHundred: "common",
  similarToCommon: "common",
  pwned: "common",
  straightRow: "pattern",
  keyPattern: "pattern",
  simpleRepeat: "pattern",
  extendedRepeat: "pattern",
  sequences: "pattern",
  recentYears: "date",
  dates: "date",
  userInputs: "personal",
  wordByItself: "word",
  namesByThemselves: "word",
  commonNames: "word",
};

type Shown = { length: number; judgement: PasswordJudgement | null };

/**
 * The strength of the new password as it is typed, with the judgement the server will make. The
 * estimator (zxcvbn and its dictionary, some 400 KB) is fetched on the first keystroke, so it
 * adds nothing to any page's first load. `personal`: the account's email and name.
 */
export function PasswordStrength({ inputId, personal }: { inputId: string; personal: string[] }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Shown | null>(null);
  const personalKey = personal.join("\n");

  useEffect(() => {
    const input = document.getElementById(inputId);
    if (!(input instanceof HTMLInputElement)) return;
    let estimator: Promise<{ judgePassword: typeof judgePassword }> | undefined;
    let latest = 0;
    let active = true;
    const onInput = () => {
      const password = input.value;
      const run = ++latest;
      const length = passwordLength(password);
      if (length === 0) return setShown(null);
      if (length < PASSWORD_MIN) return setShown({ length, judgement: null });
      estimator ??= import("~/utils/password-strength");
      estimator
        .then(({ judgePassword }) => {
          if (active && run === latest)
            setShown({ length, judgement: judgePassword(password, personalKey.split("\n")) });
        })
        // Without the estimator (offline, say) the server still judges on saving.
        .catch(() => undefined);
    };
    input.addEventListener("input", onInput);
    return () => {
      active = false;
      input.removeEventListener("input", onInput);
    };
  }, [inputId, personalKey]);

  let text = "";
  let level = -1;
  if (shown && !shown.judgement) text = t("account.strength.short", { count: shown.length, min: PASSWORD_MIN });
  if (shown?.judgement) {
    const { score, problem, warning } = shown.judgement;
    level = score;
    const advice =
      warning && WARNINGS[warning] ? ` ${t(keyFrom(`account.strength.warnings.${WARNINGS[warning]}`))}` : "";
    text = `${t("account.strength.title")}: ${t(`account.strength.${problem ? "veryWeak" : LEVELS[score]}`)}.${advice}`;
  }
  return (
    <span className="mt-1 block" aria-live="polite">
      {level >= 0 ? (
        <span className="mb-0.5 flex gap-1" aria-hidden="true">
          {LEVELS.slice(1).map((name, i) => (
            <span
              key={name}
              className={`h-1 flex-1 rounded ${i < level ? (level < 2 ? "bg-red-600" : level < 3 ? "bg-amber-500" : "bg-green-600") : "bg-stone-200"}`}
            />
          ))}
        </span>
      ) : null}
      {text}
    </span>
  );
}

/**
 * A new password and the same again, with the rule and the strength as it is typed: an account
 * being opened from an invitation and a password being changed ask for it alike. `personal`: the
 * account's email and name, which the password must not be.
 */
export function NewPasswordFields({
  password,
  confirm,
  personal,
}: {
  password: ControlField;
  confirm: ControlField;
  personal: string[];
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        field={password}
        label={t("account.newPassword")}
        hint={
          <>
            {t("account.passwordRule")}
            <PasswordStrength inputId={password.id} personal={personal} />
          </>
        }
        type="password"
        autoComplete="new-password"
      />
      <TextField field={confirm} label={t("account.confirmPassword")} type="password" autoComplete="new-password" />
    </>
  );
}

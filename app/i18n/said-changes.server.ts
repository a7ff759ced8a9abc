import type { Language } from "./config";
import { sayTime } from "./said-dates.server";
import type { T } from "./translate";

/** A record's change as a sentence needs it: when, by whose account (none for another program's). */
type Change = { at: string; userId: number | null; by: string | null };

/**
 * Who changed a record, and when, said to the reader: as theirs (`<said>.byYou`), as another
 * account's (`<said>.by`), or as another program's (`<said>.outside`). `said` names the sentences:
 * a change unseen by a form, a deletion (of the record or of the step edited) unseen by it, or a
 * deleted record's (or step's) page.
 */
export function sayWhoChanged(
  change: Change,
  readerId: number | null,
  said:
    | "form.stale"
    | "form.stale.deleted"
    | "form.stale.stepDeleted"
    | "errors.gone"
    | "errors.gone.step"
    | "errors.gone.initiativeStep",
  lng: Language,
  t: T,
) {
  const time = sayTime(change.at, lng);
  if (change.userId !== null && change.userId === readerId) return t(`${said}.byYou`, { time });
  return change.by ? t(`${said}.by`, { name: change.by, time }) : t(`${said}.outside`, { time });
}

import type { Language } from "~/i18n/config";
import { compareNames } from "~db/shared/collation";

const displayNames = new Map<Language, Intl.DisplayNames>();

/** A country's name in the reader's language from its ISO 3166 code, via the platform's ICU. */
export function countryName(code: string, lng: Language): string {
  let names = displayNames.get(lng);
  if (!names) {
    names = new Intl.DisplayNames([lng], { type: "region", fallback: "code" });
    displayNames.set(lng, names);
  }
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** ISO 3166-1 alpha-2 codes, for the country pickers (names come from the platform's ICU). */
export const COUNTRY_CODES = (
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW " +
  "BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI " +
  "FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN " +
  "IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME " +
  "MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF " +
  "PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV " +
  "SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE " +
  "YT ZA ZM ZW"
).split(" ") as [string, ...string[]];

/** Every country for a picker, named and sorted in the reader's language. */
export function countryOptions(lng: Language) {
  return COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code, lng) })).sort((a, b) =>
    compareNames(a.label, b.label),
  );
}

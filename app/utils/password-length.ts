/**
 * A password's length in characters as NIST SP 800-63B counts them: Unicode code points after
 * NFC, so "қ" is one character however it was typed, and an emoji is one, not two UTF-16 units.
 * Not grapheme clusters: how an engine segments them follows its own Unicode version, and the
 * browser and the server must count alike. Any script; no composition rules.
 */
export const PASSWORD_MIN = 12;
// Far above the 64 NIST asks for; it bounds the work of hashing, not anyone's passphrase.
export const PASSWORD_MAX = 1024;

export function passwordLength(password: string) {
  // Too long however it is counted (NFC at most triples a code point's share of the text): not
  // worth normalising megabytes of a hostile post.
  if (password.length > PASSWORD_MAX * 6) return password.length;
  return [...password.normalize("NFC")].length;
}

/**
 * Limits on the shape of a posted form, checked before conform turns field names into objects:
 * a name such as "participants[999999].name" makes an array of a million entries, and a few
 * such posts tie up the server. Real forms stay far inside these limits.
 */
export const FORM_LIMITS = { fields: 2000, nameLength: 200, index: 500, depth: 4 };

const FORBIDDEN_SEGMENTS = new Set(["__proto__", "prototype", "constructor"]);

export function formShapeProblem(formData: FormData): string | null {
  let fields = 0;
  for (const name of formData.keys()) {
    if (++fields > FORM_LIMITS.fields) return "too many fields";
    if (name.length > FORM_LIMITS.nameLength) return "a field name is too long";
    const segments = name.split(/[.[\]]+/).filter(Boolean);
    if (segments.length > FORM_LIMITS.depth) return "a field name is nested too deeply";
    for (const segment of segments) {
      if (FORBIDDEN_SEGMENTS.has(segment)) return "a field name is not allowed";
      if (/^\d+$/.test(segment) && Number(segment) > FORM_LIMITS.index) return "a list index is too large";
    }
  }
  return null;
}

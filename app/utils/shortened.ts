/**
 * A text cut to `max` characters with an ellipsis, by characters as a reader counts them (a
 * Kazakh letter or an emoji is one, never half of a surrogate pair), the cut's trailing space
 * dropped: a name in a select, a note in a heading.
 */
export function shortened(text: string, max: number) {
  const characters = Array.from(text);
  return characters.length > max
    ? `${characters
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`
    : text;
}

import { matchRange } from "~db/shared/fold";

/** The text with the part that matched the query marked, however either was spelt. */
export function Highlight({ text, query }: { text: string; query: string }) {
  const range = matchRange(text, query);
  if (!range) return <>{text}</>;
  return (
    <>
      {text.slice(0, range[0])}
      <mark className="rounded-sm bg-amber-200 px-0.5 text-inherit">{text.slice(range[0], range[1])}</mark>
      {text.slice(range[1])}
    </>
  );
}

/** The passage that matched, of a text the result's line does not show (a source, a note), marked. */
export function Passage({ passage }: { passage: { text: string; word: string } | null }) {
  if (!passage) return null;
  return (
    <p className="mt-1 text-sm break-words text-stone-600">
      <Highlight text={passage.text} query={passage.word} />
    </p>
  );
}

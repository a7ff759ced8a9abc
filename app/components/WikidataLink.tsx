/** A Wikidata item, as a link to its page (the id is checked as Q and digits when it is saved). */
export function WikidataLink({ id }: { id: string }) {
  return (
    <a
      href={`https://www.wikidata.org/wiki/${id}`}
      rel="noopener noreferrer external"
      className="text-sky-800 underline underline-offset-2"
    >
      {id}
    </a>
  );
}

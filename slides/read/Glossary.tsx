import { GLOSSARY, glossaryAnchor } from './glossary.ts';

/** The glossary at the end of the reading mode; `<Term>` links in the text lead here. */
export function Glossary() {
  return (
    <section id="glossary" className="read-glossary" aria-labelledby="glossary-title">
      <h2 id="glossary-title">Glossary</h2>
      <dl>
        {GLOSSARY.map((e) => (
          <div key={e.id} id={glossaryAnchor(e.id)} tabIndex={-1} className="read-glossary-entry">
            <dt>{e.term}</dt>
            <dd>{e.text}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Made-up results for what Alexander typed first: the web thinks "elixir" is a potion. */
const RESULTS: Record<string, { title: string; site: string }[]> = {
  'elixir diagnostics': [
    { title: 'Elixir Diagnostics: lab tests near you', site: 'clinic.example' },
    { title: 'Healing elixirs, diagnosed by our experts', site: 'wellness.example' },
    { title: 'Elixir Healthcare: book an appointment', site: 'health.example' },
  ],
  'elixir tracing': [
    { title: 'Tracing the history of the elixir of life', site: 'history.example' },
    { title: 'Contact tracing with Elixir Health', site: 'health.example' },
    { title: 'Tracing paper, elixir-green, 50 sheets', site: 'shop.example' },
  ],
};

export function SearchResults({ queries }: { queries: string[] }) {
  return (
    <div className="search-results">
      {queries.map((q) => (
        <section key={q} className="search-column" aria-label={`Search results for ${q}`}>
          <div className="search-box">
            <span aria-hidden="true">🔍</span> {q}
          </div>
          <ol>
            {(RESULTS[q] ?? []).map((r) => (
              <li key={r.title}>
                <span className="search-site">{r.site}</span>
                <span className="search-title">{r.title}</span>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

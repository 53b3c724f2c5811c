/** The site shell. Later work adds the deck, the sandbox and the reading mode as hash routes. */
export function App() {
  return (
    <main>
      <h1>Tracing in Elixir</h1>
      <p>A talk, a live tracing sandbox and a workshop.</p>
    </main>
  );
}

import talkTitle, { description } from 'virtual:talk-title';

/** The front page: what the site is, and the way into the talk. */
export function Home() {
  return (
    <main className="home">
      <h1>{talkTitle}</h1>
      {/* What the talk teaches, in its own words: a visitor who never heard it learns why to go on. */}
      {description && <p className="home-about">{description}</p>}
      <p>A talk, a live tracing sandbox and a workshop.</p>
      <ul className="home-links">
        <li>
          <a href="#/1">The talk</a> <span>full-screen slides; press ? for keys</span>
        </li>
        <li>
          <a href="#/presenter/1">Presenter view</a> <span>notes, next slide, timer</span>
        </li>
        <li>
          <a href="#/read">Read the talk</a>{' '}
          <span>as an article, with live scenes beside the text</span>
        </li>
        <li>
          <a href="#/sandbox">The sandbox</a>{' '}
          <span>
            send requests through a simulated Phoenix + Commanded backend and watch the traces
          </span>
        </li>
        <li>
          <a href="#/exercises">Workshop exercises</a>{' '}
          <span>write the instrumentation yourself; each check reads the trace it makes</span>
        </li>
        <li>
          <a href="#/print">All slides for print</a> <span>or PDF</span>
        </li>
      </ul>
    </main>
  );
}

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import '../deck/theme.css';
import './reading.css';
import { LiveSceneFrame, useSceneInputs } from '../components/LiveScene.tsx';
import type { SlideMeta } from '../deck/deckMeta.ts';
import { DeckRuntimeContext, type DeckRuntime } from '../deck/deckRuntime.ts';
import { dockPlan } from '../deck/scenePlan.ts';
import type { SceneInput } from '../deck/sync.ts';
import { SlideView } from '../deck/SlideView.tsx';
import { Stage } from '../deck/Stage.tsx';
import { useThemeOnRoot } from '../deck/useThemeOnRoot.ts';
import { currentSection } from './currentSection.ts';
import { loadReadingPosition, saveReadingPosition } from './readingPosition.ts';
import { useInView } from './useInView.ts';
import { useMediaQuery } from './useMediaQuery.ts';

const storage = () => (typeof localStorage === 'undefined' ? undefined : localStorage);
/** Wide enough for the sticky scene beside the text. */
const WIDE = '(min-width: 1100px)';

/**
 * The talk as an article (`#/read`, `#/read/12`): each slide a figure, its notes the prose, a
 * table of contents, and on wide screens a live scene beside the text that follows the section
 * being read. It remembers where the reader stopped.
 */
export function ReadingView({ runtime, slide }: { runtime: DeckRuntime; slide?: number }) {
  const { meta, store } = runtime;
  const total = meta.slides.length;
  const theme = useStore(store, (s) => s.theme);
  useThemeOnRoot(theme);
  const wide = useMediaQuery(WIDE);
  const sections = useRef<(HTMLElement | null)[]>([]);
  // Where to open: the URL's slide, or where the reader stopped. Read once, when the view opens
  // (or the URL names another slide), never again on a render: the saved place changes as the
  // reader scrolls, and scrolling to it again would fight the reader's own scrolling.
  const opening = () =>
    slide !== undefined
      ? Math.min(total, Math.max(1, slide)) - 1
      : loadReadingPosition(storage(), total);
  const [opened, setOpened] = useState(() => ({ slide, target: opening() }));
  if (opened.slide !== slide) setOpened({ slide, target: opening() });
  const { target } = opened;
  const [current, setCurrent] = useState(() => target ?? 0);

  useLayoutEffect(() => {
    if (target !== undefined && target > 0) sections.current[target]?.scrollIntoView();
  }, [target]);

  useEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      const tops = sections.current.map((el) =>
        el ? el.getBoundingClientRect().top + scrollY : Infinity,
      );
      setCurrent(currentSection(tops, scrollY + innerHeight * 0.3));
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    addEventListener('scroll', onScroll, { passive: true });
    addEventListener('resize', onScroll);
    return () => {
      cancelAnimationFrame(frame);
      removeEventListener('scroll', onScroll);
      removeEventListener('resize', onScroll);
    };
  }, []);

  useEffect(() => saveReadingPosition(storage(), current), [current]);

  const goTo = (i: number) => sections.current[i]?.scrollIntoView({ block: 'start' });

  return (
    <DeckRuntimeContext.Provider value={runtime}>
      <div className="reading" data-theme={theme} data-wide={wide}>
        <nav className="read-toc" aria-label="Contents">
          <details open={wide}>
            <summary>Contents</summary>
            <ol>
              {meta.slides.map((m, i) => (
                <li key={i}>
                  <a
                    href={`#/read/${i + 1}`}
                    aria-current={i === current ? 'location' : undefined}
                    onClick={(e) => {
                      e.preventDefault();
                      goTo(i);
                    }}
                  >
                    <span className="read-toc-n">{i + 1}</span> {m.label}
                  </a>
                </li>
              ))}
            </ol>
          </details>
        </nav>
        <main className="read-article">
          <header className="read-head">
            <p className="read-kicker">
              <a href="#/">Home</a> · <a href={`#/${current + 1}`}>Present from here</a> ·{' '}
              <a href="#/sandbox">Sandbox</a>
            </p>
            <h1>Tracing in Elixir</h1>
            <p className="read-lede">
              The talk as an article: every slide, with what the speaker says about it.
              {wide ? ' The live scene beside the text follows the section you are reading.' : ''}
            </p>
          </header>
          {meta.slides.map((m, i) => (
            <ReadingSection
              key={i}
              index={i}
              meta={m}
              sectionRef={(el) => {
                sections.current[i] = el;
              }}
            />
          ))}
        </main>
        {wide && <ReadingScene slides={meta.slides} current={current} />}
      </div>
    </DeckRuntimeContext.Provider>
  );
}

/** One slide as a figure, its notes as prose. Its live scene runs only while it is in view. */
function ReadingSection({
  index,
  meta,
  sectionRef,
}: {
  index: number;
  meta: SlideMeta;
  sectionRef: (el: HTMLElement | null) => void;
}) {
  const figure = useRef<HTMLElement>(null);
  const inView = useInView(figure, meta.live);
  const ref = useCallback((el: HTMLElement | null) => sectionRef(el), [sectionRef]);
  return (
    <section
      ref={ref}
      className="read-section"
      id={`read-${index + 1}`}
      aria-label={`Slide ${index + 1}`}
    >
      <figure ref={figure} className="read-figure" data-live={meta.live || undefined}>
        <Stage label={`Slide ${index + 1}: ${meta.label}`}>
          {/* A new scene when it comes into view: paused (finished picture) outside it. */}
          <SlideView
            key={inView ? 'live' : 'paused'}
            index={index}
            step={meta.steps}
            preview={!inView}
          />
        </Stage>
        <figcaption>
          Slide {index + 1} · <a href={`#/${index + 1}`}>present</a>
        </figcaption>
      </figure>
      {meta.notes > 0 && (
        <div className="read-prose">
          <SlideView index={index} step={meta.steps} part="notes" preview />
        </div>
      )}
    </section>
  );
}

/** The sticky scene beside the text: the story's scene at the section being read. */
function ReadingScene({ slides, current }: { slides: readonly SlideMeta[]; current: number }) {
  const [inputs, addInput] = useSceneInputs('read');
  const step = slides[current]?.steps ?? 0;
  const position = { slide: current, step };
  const plan = dockPlan(slides, position, inputs);
  const scene = plan.settings;
  const onInput = useCallback(
    (input: SceneInput) => addInput({ ...input, slide: current, step }),
    [addInput, current, step],
  );
  return (
    <aside className="read-scene" aria-label="Live scene for this section">
      <p className="scene-dock-head">
        Live scene · <strong>{scene.mode}</strong>
        {scene.faults.length > 0 ? ` · faults: ${scene.faults.join(', ')}` : ''}
      </p>
      <LiveSceneFrame sceneKey="read" plan={plan} onInput={onInput} paused={false} docked />
    </aside>
  );
}

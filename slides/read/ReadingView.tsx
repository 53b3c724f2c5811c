import {
  Fragment,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useStore } from 'zustand';
import '../deck/theme.css';
import '../components/story.css';
import './reading.css';
import './tutorial/tutorial.css';
import { beatLabel } from '../components/beats.ts';
import { LiveSceneFrame, useSceneInputs } from '../components/LiveScene.tsx';
import { preloadTutorial } from '../components/tutorialLoader.tsx';
import type { SlideMeta } from '../deck/deckMeta.ts';
import { DeckRuntimeContext, type DeckRuntime } from '../deck/deckRuntime.ts';
import { dockPlan } from '../deck/scenePlan.ts';
import type { SceneInput } from '../deck/sync.ts';
import { SlideView } from '../deck/SlideView.tsx';
import { Stage } from '../deck/Stage.tsx';
import { useThemeOnRoot } from '../deck/useThemeOnRoot.ts';
import { currentSection } from './currentSection.ts';
import { Glossary } from './Glossary.tsx';
import { glossaryAnchor, glossaryEntry } from './glossary.ts';
import { GlossaryContext } from '../components/glossaryContext.ts';
import { readSections, sectionOf, type ReadMeta, type ReadSection } from './readMeta.ts';
import { TutorialProgress } from './tutorial/TutorialProgress.tsx';
import { TutorialContext } from './tutorial/TutorialContext.ts';
import { useReadingProgress } from './tutorial/useReadingProgress.ts';
import { useInView } from './useInView.ts';
import { READ_WIDE } from './readLayout.ts';
import { useMediaQuery } from './useMediaQuery.ts';
import { keepInPlace } from './keepInPlace.ts';
import { useProgressiveCount } from './useProgressiveCount.ts';
import { readingLede } from './lede.ts';
import { useHydrated } from '../../app/prerender/useHydrated.ts';
import { PredictFirst, useUnansweredQuestion } from './PredictFirst.tsx';

/** What `<Term>` looks up in the reader text (see glossaryContext.ts). */
const GLOSSARY_LOOKUP = { entry: glossaryEntry, anchor: glossaryAnchor };

/**
 * The talk as a tutorial (`#/read`, `#/read/12`): sections of slides with reader text written
 * for someone alone (never the speaker's notes), guided steps and questions on live scenes, a
 * glossary, contents, and on wide screens a live scene beside the text that follows the section
 * being read. It remembers where the reader stopped and what they did.
 */
export function ReadingView({
  runtime,
  reading,
  slide,
}: {
  runtime: DeckRuntime;
  reading: ReadMeta;
  slide?: number;
}) {
  const { meta, store } = runtime;
  const total = meta.slides.length;
  const theme = useStore(store, (s) => s.theme);
  useThemeOnRoot(theme);
  const wide = useMediaQuery(READ_WIDE);
  const sections = useMemo(
    () =>
      readSections(
        reading,
        meta.slides.map((s) => s.label),
      ),
    [reading, meta.slides],
  );
  const order = useMemo(
    () => ({ guides: reading.guides ?? [], questions: reading.questions ?? [] }),
    [reading],
  );
  const progress = useReadingProgress(total, order);
  const { setSlide } = progress;
  const elements = useRef<(HTMLElement | null)[]>([]);

  // Where to open: the URL's slide, or where the reader stopped. Read once, when the view opens
  // (or the URL names another slide), never again on a render: the saved place changes as the
  // reader scrolls, and scrolling to it again would fight the reader's own scrolling.
  const opening = () =>
    slide !== undefined ? Math.min(total, Math.max(1, slide)) - 1 : progress.initialSlide;
  const [opened, setOpened] = useState(() => ({ slide, target: opening() }));
  if (opened.slide !== slide) setOpened({ slide, target: opening() });
  const { target } = opened;
  const [current, setCurrent] = useState(() =>
    target === undefined ? 0 : sectionOf(sections, target),
  );
  // The first sections, through the one to open at, paint first; the rest follow (see
  // useProgressiveCount.ts).
  const { shown, showAll } = useProgressiveCount(
    sections.length,
    (target === undefined ? 0 : sectionOf(sections, target)) + 1,
  );

  useLayoutEffect(() => {
    if (target === undefined || target === 0) return;
    // A section's first slide opens at the section's heading.
    const k = sectionOf(sections, target);
    const el =
      sections[k]?.slides[0] === target
        ? elements.current[k]
        : document.getElementById(`read-${target + 1}`);
    el?.scrollIntoView();
    // Only when the place to open changes: `sections` is fixed for the view's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target]);

  useEffect(() => void preloadTutorial(), []);

  useEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      const tops = elements.current.map((el) =>
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

  const currentSlide = sections[current]?.slides[0] ?? 0;
  useEffect(() => setSlide(currentSlide), [setSlide, currentSlide]);

  // Renders the sections not rendered yet, scrolls, and holds the section there while the guided
  // steps and questions above it may still be loading (keepInPlace.ts).
  const goTo = (k: number) =>
    showAll(() => {
      const el = elements.current[k];
      el?.scrollIntoView({ block: 'start' });
      if (el) keepInPlace(el, preloadTutorial());
    });
  const lastSlide = sections[current]?.slides.at(-1) ?? 0;

  return (
    <DeckRuntimeContext.Provider value={runtime}>
      <GlossaryContext.Provider value={GLOSSARY_LOOKUP}>
        <TutorialContext.Provider value={progress.api}>
          <div className="reading" data-theme={theme} data-wide={wide}>
            <nav className="read-toc" aria-label="Contents">
              <details open={wide}>
                <summary>Contents</summary>
                <ol>
                  {sections.map((s, k) => (
                    <li key={k}>
                      {s.beat !== undefined && s.beat !== sections[k - 1]?.beat && (
                        <span className="read-toc-beat">{beatLabel(s.beat)}</span>
                      )}
                      <a
                        href={`#/read/${(s.slides[0] ?? 0) + 1}`}
                        aria-current={k === current ? 'location' : undefined}
                        onClick={(e) => {
                          e.preventDefault();
                          goTo(k);
                        }}
                      >
                        <span className="read-toc-n">{k + 1}</span> {s.title}
                      </a>
                    </li>
                  ))}
                  <li>
                    <a
                      href="#/read"
                      onClick={(e) => {
                        e.preventDefault();
                        showAll(() =>
                          document.getElementById('glossary')?.scrollIntoView({ block: 'start' }),
                        );
                      }}
                    >
                      <span className="read-toc-n">·</span> Glossary
                    </a>
                  </li>
                </ol>
              </details>
            </nav>
            <main className="read-article">
              <header className="read-head">
                <p className="read-kicker">
                  <a href="#/">Home</a> · <a href={`#/${currentSlide + 1}`}>Present from here</a> ·{' '}
                  <a href="#/sandbox">Sandbox</a>
                </p>
                <h1>{meta.title}</h1>
                <p className="read-lede">
                  {readingLede({
                    sections: sections.length,
                    description: meta.config.description,
                    live: meta.slides.some((s) => s.live),
                    guides: order.guides.length,
                    questions: order.questions.length,
                  })}
                  {wide
                    ? ' The live scene beside the text follows the section you are reading.'
                    : ''}
                </p>
                <TutorialProgress notices={progress.notices} onDismiss={progress.dismiss} />
              </header>
              {sections.slice(0, shown).map((s, k) => (
                <ReadingSection
                  key={k}
                  number={k + 1}
                  section={s}
                  slides={meta.slides}
                  reading={reading}
                  newBeat={s.beat !== sections[k - 1]?.beat}
                  sectionRef={(el) => {
                    elements.current[k] = el;
                  }}
                />
              ))}
              {shown === sections.length && <Glossary />}
            </main>
            {wide && (
              <ReadingScene
                slides={meta.slides}
                current={lastSlide}
                questions={reading.slides[lastSlide]?.questions}
              />
            )}
          </div>
        </TutorialContext.Provider>
      </GlossaryContext.Provider>
    </DeckRuntimeContext.Provider>
  );
}

/**
 * One section: its slides as figures (title slides small, side by side), each slide's reader text
 * under it. A live figure's scene runs only while it is in view.
 */
function ReadingSection({
  number,
  section,
  slides,
  reading,
  newBeat,
  sectionRef,
}: {
  number: number;
  section: ReadSection;
  slides: readonly SlideMeta[];
  reading: ReadMeta;
  newBeat: boolean;
  sectionRef: (el: HTMLElement | null) => void;
}) {
  const ref = useCallback((el: HTMLElement | null) => sectionRef(el), [sectionRef]);
  const small = (i: number) =>
    section.slides.length > 1 && !reading.slides[i]?.read && !slides[i]?.live;
  // Runs of small figures share a row.
  const groups: number[][] = [];
  for (const i of section.slides) {
    const last = groups.at(-1);
    if (last && small(i) && small(last[0] ?? -1)) last.push(i);
    else groups.push([i]);
  }
  return (
    <section
      ref={ref}
      className="read-section"
      id={`read-s${number}`}
      aria-labelledby={`read-s${number}-title`}
      data-section={number}
    >
      {newBeat && section.beat !== undefined && (
        <p className="read-beat">Hero’s journey · {beatLabel(section.beat)}</p>
      )}
      <h2 id={`read-s${number}-title`}>
        <span className="read-section-n">{number}</span> {section.title}
      </h2>
      {groups.map((group) =>
        group.length > 1 || small(group[0] ?? -1) ? (
          <div className="read-thumbs" key={group[0]}>
            {group.map((i) => (
              <ReadingSlide key={i} index={i} meta={slides[i]} read={false} />
            ))}
          </div>
        ) : (
          <Fragment key={group[0]}>
            {group.map((i) => (
              <ReadingSlide
                key={i}
                index={i}
                meta={slides[i]}
                read={reading.slides[i]?.read ?? false}
                questions={reading.slides[i]?.questions}
              />
            ))}
          </Fragment>
        ),
      )}
    </section>
  );
}

/** One slide as a figure, and its reader text. */
function ReadingSlide({
  index,
  meta,
  read,
  questions,
}: {
  index: number;
  meta: SlideMeta | undefined;
  read: boolean;
  /** The questions in its reader text (readMeta). */
  questions?: readonly string[];
}) {
  const figure = useRef<HTMLElement>(null);
  const inView = useInView(figure, meta?.live ?? false);
  const unanswered = useUnansweredQuestion(index, meta?.live ? questions : undefined);
  if (!meta) return null;
  return (
    <div className="read-slide" id={`read-${index + 1}`}>
      <figure ref={figure} className="read-figure" data-live={meta.live || undefined}>
        <Stage label={`Slide ${index + 1}: ${meta.label}`}>
          {unanswered !== undefined ? (
            <PredictFirst slide={index} question={unanswered} where="below" />
          ) : (
            // A new scene when it comes into view: paused (finished picture) outside it.
            <SlideView
              key={inView ? 'live' : 'paused'}
              index={index}
              step={meta.steps}
              preview={!inView}
              fit="in-view"
            />
          )}
        </Stage>
        <figcaption>
          Slide {index + 1} · <a href={`#/${index + 1}`}>present</a>
        </figcaption>
      </figure>
      {read && (
        <div className="read-prose">
          <SlideView index={index} step={meta.steps} part="read" preview />
        </div>
      )}
    </div>
  );
}

/** The sticky scene beside the text: the story's scene at the section being read. */
function ReadingScene({
  slides,
  current,
  questions,
}: {
  slides: readonly SlideMeta[];
  current: number;
  /** The questions in the current slide's reader text: the scene waits for their answers. */
  questions?: readonly string[];
}) {
  // The scene runs in the browser only: the prerendered page shows its heading and its place.
  const hydrated = useHydrated();
  const unanswered = useUnansweredQuestion(current, questions);
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
      {hydrated &&
        (unanswered !== undefined ? (
          <PredictFirst slide={current} question={unanswered} where="in the text" />
        ) : (
          <LiveSceneFrame sceneKey="read" plan={plan} onInput={onInput} paused={false} docked />
        ))}
    </aside>
  );
}

import type { Root } from 'mdast';

/** The parts of a slide that never show on it: speaker notes and reader text. */
const OFF_SLIDE = new Set(['Notes', 'Read']);

/**
 * The talk as the audience deck loads it (`talk.mdx?slides`): each slide without its speaker
 * notes and reader text, which render nothing on a slide (SlideParts.tsx, Read.tsx) and were a
 * third of the first slide's JavaScript (9.6 KB gzip of 30). The presenter view, print and the
 * reading page load the whole talk (talkContent.tsx). Runs after remarkDeck and remarkRead, which
 * put both beside each slide's body; the exported deckMeta and readMeta are already written, so
 * both compiles export the same.
 */
export function remarkSlidesOnly() {
  return (tree: Root) => {
    for (const node of tree.children) {
      if (node.type !== 'mdxJsxFlowElement' || node.name !== 'Slide') continue;
      node.children = node.children.filter(
        (child) => !(child.type === 'mdxJsxFlowElement' && OFF_SLIDE.has(child.name ?? '')),
      );
    }
  };
}

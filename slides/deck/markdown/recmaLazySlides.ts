import type { CallExpression, Node, Program, Property } from 'estree';

/** The JSX runtime's element factories in MDX's output (`_jsxDEV` on the dev server). */
const FACTORIES = new Set(['_jsx', '_jsxs', '_jsxDEV']);

/**
 * Makes each slide's content lazy in the compiled talk: `_jsx(Slide, { index, children: … })`
 * becomes `_jsx(Slide, { index, render: () => … })`.
 *
 * Why: the talk is one MDX component, and every view of one slide (the deck, a thumbnail, a
 * section of the reading page) renders all of it, leaving the other slides out in `<Slide>`.
 * With the children eager, each of those renders builds every slide's elements: the reading
 * page, one view per slide, built the whole talk 53 times over (about 650 ms of its first load).
 * With `render`, only the slide that shows builds its elements. `Slide` (SlideParts.tsx) calls it.
 */
export function recmaLazySlides() {
  return (tree: Program) => {
    visit(tree, (node) => {
      if (!isSlideElement(node)) return;
      const props = node.arguments[1];
      if (props?.type !== 'ObjectExpression') return;
      const children = props.properties.find(
        (p): p is Property =>
          p.type === 'Property' && p.key.type === 'Identifier' && p.key.name === 'children',
      );
      if (!children || children.value.type === 'Literal') return;
      children.key = { type: 'Identifier', name: 'render' };
      children.value = {
        type: 'ArrowFunctionExpression',
        params: [],
        body: children.value as CallExpression,
        expression: true,
        generator: false,
        async: false,
      };
    });
  };
}

function isSlideElement(node: Node): node is CallExpression {
  return (
    node.type === 'CallExpression' &&
    node.callee.type === 'Identifier' &&
    FACTORIES.has(node.callee.name) &&
    node.arguments[0]?.type === 'Identifier' &&
    node.arguments[0].name === 'Slide'
  );
}

/** Calls `enter` on every node of an estree, parents before children. */
function visit(node: Node, enter: (node: Node) => void): void {
  enter(node);
  for (const key of Object.keys(node) as (keyof Node)[]) {
    const value = node[key] as unknown;
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) visit(item, enter);
    } else if (isNode(value)) visit(value, enter);
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

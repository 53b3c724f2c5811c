/**
 * Building blocks for the MDX syntax tree remarkDeck writes: JSX elements, attributes, and the
 * ESM statements (imports, the deckMeta export) that carry their estree so the compiler needs no
 * re-parse.
 */
import type { RootContent } from 'mdast';
import type {
  MdxJsxAttribute,
  MdxJsxFlowElement,
  MdxJsxTextElement,
  MdxjsEsm,
} from 'mdast-util-mdx';
import type { Expression, Program } from 'estree';

export function stringAttr(name: string, value: string): MdxJsxAttribute {
  return { type: 'mdxJsxAttribute', name, value };
}

/** `name={identifier}`, for an imported picture. */
export function identifierAttr(name: string, identifier: string): MdxJsxAttribute {
  return expressionAttr(name, identifier, { type: 'Identifier', name: identifier });
}

/** `name={"json"}`-style literal attribute: a string, number or boolean the component reads. */
export function literalAttr(name: string, value: string | number | boolean): MdxJsxAttribute {
  return expressionAttr(name, JSON.stringify(value), {
    type: 'Literal',
    value,
    raw: JSON.stringify(value),
  });
}

function expressionAttr(name: string, source: string, expression: Expression): MdxJsxAttribute {
  const estree: Program = {
    type: 'Program',
    sourceType: 'module',
    body: [{ type: 'ExpressionStatement', expression }],
  };
  return {
    type: 'mdxJsxAttribute',
    name,
    value: { type: 'mdxJsxAttributeValueExpression', value: source, data: { estree } },
  };
}

/** A literal attribute value: strings as given, `{…}` parsed as JSON (numbers, lists, booleans). */
export function attrValue(a: MdxJsxAttribute): unknown {
  if (a.value === null || a.value === undefined) return true;
  if (typeof a.value === 'string') return a.value;
  try {
    return JSON.parse(a.value.value) as unknown;
  } catch {
    return undefined;
  }
}

export function attr(el: MdxJsxFlowElement | MdxJsxTextElement, name: string): unknown {
  const a = el.attributes.find(
    (x): x is MdxJsxAttribute => x.type === 'mdxJsxAttribute' && x.name === name,
  );
  return a ? attrValue(a) : undefined;
}

export function isJsx(node: { type: string; name?: string | null }, name: string): boolean {
  return (
    (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === name
  );
}

export function jsxFlow(
  name: string,
  attributes: MdxJsxAttribute[],
  children: RootContent[],
): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name,
    attributes,
    children: children as MdxJsxFlowElement['children'],
  };
}

export function importNode(name: string, url: string): MdxjsEsm {
  const estree: Program = {
    type: 'Program',
    sourceType: 'module',
    body: [
      {
        type: 'ImportDeclaration',
        specifiers: [{ type: 'ImportDefaultSpecifier', local: { type: 'Identifier', name } }],
        source: { type: 'Literal', value: url, raw: JSON.stringify(url) },
        attributes: [],
      },
    ],
  };
  return {
    type: 'mdxjsEsm',
    value: `import ${name} from ${JSON.stringify(url)}`,
    data: { estree },
  };
}

/** `export const name = JSON.parse("…")`: a plain-data export, cheap to parse in the browser. */
export function exportJsonNode(name: string, data: unknown): MdxjsEsm {
  const json = JSON.stringify(data);
  const estree: Program = {
    type: 'Program',
    sourceType: 'module',
    body: [
      {
        type: 'ExportNamedDeclaration',
        specifiers: [],
        source: null,
        attributes: [],
        declaration: {
          type: 'VariableDeclaration',
          kind: 'const',
          declarations: [
            {
              type: 'VariableDeclarator',
              id: { type: 'Identifier', name },
              init: jsonParseCall(json),
            },
          ],
        },
      },
    ],
  };
  return {
    type: 'mdxjsEsm',
    value: `export const ${name} = JSON.parse(${JSON.stringify(json)})`,
    data: { estree },
  };
}

/**
 * `console.warn("…")` run when the talk module loads: how the dev console hears, once per load,
 * about commands the deck left out.
 */
export function consoleWarnNode(message: string): MdxjsEsm {
  const estree: Program = {
    type: 'Program',
    sourceType: 'module',
    body: [{ type: 'ExpressionStatement', expression: methodCall('console', 'warn', message) }],
  };
  return { type: 'mdxjsEsm', value: `console.warn(${JSON.stringify(message)})`, data: { estree } };
}

function jsonParseCall(json: string): Expression {
  return methodCall('JSON', 'parse', json);
}

/** `object.method("text")`. */
function methodCall(object: string, method: string, text: string): Expression {
  return {
    type: 'CallExpression',
    optional: false,
    callee: {
      type: 'MemberExpression',
      computed: false,
      optional: false,
      object: { type: 'Identifier', name: object },
      property: { type: 'Identifier', name: method },
    },
    arguments: [{ type: 'Literal', value: text, raw: JSON.stringify(text) }],
  };
}

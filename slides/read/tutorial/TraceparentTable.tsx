import { inlineCode as withCode } from '../../../exercises/web/inlineCode.tsx';
import type { TraceparentFact } from './runFacts.ts';

/** A traceparent from the reader's run, taken apart field by field (W3C Trace Context, level 1). */
export function TraceparentTable({ tp }: { tp: TraceparentFact }) {
  const rows: [string, string, string][] = [
    ['version', tp.version, 'The format’s version: 00 is the only one so far.'],
    [
      'trace-id',
      tp.traceId,
      '16 bytes (32 hex digits): the whole request’s trace. Every span of it has this id.',
    ],
    [
      'parent-id',
      tp.parentId,
      `8 bytes (16 hex digits): the span that sent the message${tp.parentSpan ? `, \`${tp.parentSpan}\`` : ''}. The receiver’s span, \`${tp.childSpan}\`, names it as its parent.`,
    ],
    [
      'trace-flags',
      tp.flags,
      tp.sampled
        ? '01: sampled. The sender recorded its span, so the receiver should record too.'
        : '00: not sampled. The sender did not record; a parent-based receiver does not either.',
    ],
  ];
  return (
    <table className="traceparent" data-traceparent={tp.value}>
      <caption>
        <code>{tp.value}</code>, from the {tp.message} in your run
      </caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Value</th>
          <th scope="col">What it says</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([field, value, meaning]) => (
          <tr key={field}>
            <th scope="row">{field}</th>
            <td>
              <code>{value}</code>
            </td>
            <td>{withCode(meaning)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

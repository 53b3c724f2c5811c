/** Row heights inside a topology box, in CSS pixels (see FONT in topologyDraw.ts). */
export interface BoxRowSizes {
  /** A line of the name or the service. */
  line: number;
  /** A line of the span stack. */
  stackLine: number;
  /** Room above the first row and below the last. */
  pad: number;
}

/**
 * How a box's height is spent below its name. While the box's process is busy, its span stack's
 * top entry comes first: the stack is where a process keeps its context, the lesson of the box.
 * Then the service, on as many lines (at most `serviceLines`) as fit; then the rest of the stack.
 * Only a box too small for both trades its service line for the stack while it is busy, and shows
 * it again when idle (and after a run). A box too small for a stack row draws none, rather than
 * spilling its stack below its border.
 */
export function boxRows(
  height: number,
  nameLines: number,
  serviceLines: number,
  busy: boolean,
  { line, stackLine, pad }: BoxRowSizes,
): { serviceLines: number; stackRows: number } {
  let room = height - 2 * pad - nameLines * line;
  const firstStackRow = busy && room >= stackLine ? 1 : 0;
  room -= firstStackRow * stackLine;
  const service = Math.max(0, Math.min(serviceLines, Math.floor(room / (line + 1))));
  room -= service * (line + 1);
  return {
    serviceLines: service,
    stackRows: busy ? firstStackRow + Math.max(0, Math.floor(room / stackLine)) : 0,
  };
}

import { TOPOLOGY } from '../core/simulation.ts';
import { CLIENT_NODE } from '../model/SceneRecorder.ts';

/** Logical canvas size; the canvas scales it to its width. */
export const TOPO_W = 1000;
export const TOPO_H = 440;
export const NODE_W = 132;
export const NODE_H = 92;

export interface NodeBox {
  id: string;
  label: string;
  service: string;
  x: number;
  y: number;
}

export interface Edge {
  from: string;
  to: string;
  /** Cubic Bézier: start, two controls, end. */
  points: [number, number, number, number, number, number, number, number];
}

/** Columns in the order messages flow; the two handlers that dispatch loop back to the Router. */
const PLACES: Record<string, [number, number]> = {
  [CLIENT_NODE]: [4, 150],
  RequestProcess: [104, 150],
  Router: [258, 150],
  LabOrder: [412, 60],
  SampleCollection: [412, 240],
  EventStore: [566, 150],
  PatientTimelineProjection: [724, 2],
  LabWorklistProjection: [724, 102],
  SampleCollectionProcessManager: [724, 202],
  NotificationHandler: [724, 302],
  'Task (SMS)': [864, 302],
};

export const NODES: NodeBox[] = [
  { id: CLIENT_NODE, label: 'HTTP client', service: 'outside', x: 0, y: 0 },
  ...TOPOLOGY.map((n) => ({ id: n.id, label: n.label, service: n.service, x: 0, y: 0 })),
].map((n) => {
  const [x, y] = PLACES[n.id] ?? [0, 0];
  return { ...n, x, y };
});

export const NODE_BY_ID = new Map(NODES.map((n) => [n.id, n]));

/** The client box is narrower: it only sends. */
export const nodeWidth = (id: string) => (id === CLIENT_NODE ? 84 : NODE_W);

function edgeBetween(a: NodeBox, b: NodeBox): Edge['points'] {
  const aw = nodeWidth(a.id);
  if (b.x > a.x) {
    const x1 = a.x + aw;
    const y1 = a.y + NODE_H / 2;
    const x2 = b.x;
    const y2 = b.y + NODE_H / 2;
    const mx = (x1 + x2) / 2;
    return [x1, y1, mx, y1, mx, y2, x2, y2];
  }
  // Back to the Router: out of the box's lower left corner, under every box, up into the Router.
  const x1 = a.x;
  const y1 = a.y + NODE_H - 12;
  const x2 = b.x + nodeWidth(b.id) / 2;
  const y2 = b.y + NODE_H;
  return [x1, y1, x1 - 80, TOPO_H - 6, x2, TOPO_H - 6, x2, y2];
}

export const EDGES: Edge[] = [
  { from: CLIENT_NODE, to: 'RequestProcess' },
  ...TOPOLOGY.flatMap((n) => n.targets.map((t) => ({ from: n.id, to: t }))),
].flatMap(({ from, to }) => {
  const a = NODE_BY_ID.get(from);
  const b = NODE_BY_ID.get(to);
  return a && b ? [{ from, to, points: edgeBetween(a, b) }] : [];
});

const EDGE_BY_KEY = new Map(EDGES.map((e) => [`${e.from}>${e.to}`, e]));

/** A point at `t` (0..1) along the path a message takes from one node to another. */
export function pointOnPath(from: string, to: string, t: number): [number, number] | null {
  let edge = EDGE_BY_KEY.get(`${from}>${to}`);
  let u = t;
  if (!edge) {
    edge = EDGE_BY_KEY.get(`${to}>${from}`);
    u = 1 - t; // a reply travels the edge backwards
  }
  if (!edge) return null;
  const [x1, y1, ax, ay, bx, by, x2, y2] = edge.points;
  const v = 1 - u;
  const c0 = v * v * v;
  const c1 = 3 * v * v * u;
  const c2 = 3 * v * u * u;
  const c3 = u * u * u;
  return [c0 * x1 + c1 * ax + c2 * bx + c3 * x2, c0 * y1 + c1 * ay + c2 * by + c3 * y2];
}

import { TOPOLOGY } from '../core/simulation.ts';
import { CLIENT_NODE } from '../model/SceneRecorder.ts';

export interface NodeBox {
  id: string;
  label: string;
  service: string;
  x: number;
  y: number;
  w: number;
}

export interface Edge {
  from: string;
  to: string;
  /** Cubic Bézier: start, two controls, end. */
  points: [number, number, number, number, number, number, number, number];
}

/**
 * One arrangement of the boxes in logical units; the canvas scales it uniformly to fit. `wide`
 * flows left to right (desktops, projectors), `tall` top to bottom (phones, narrow columns).
 */
export interface TopoLayout {
  id: 'wide' | 'tall';
  w: number;
  h: number;
  nodeH: number;
  nodes: NodeBox[];
  byId: Map<string, NodeBox>;
  edges: Edge[];
  /** A point at `t` (0..1) along the path a message takes from one node to another. */
  pointOnPath(from: string, to: string, t: number): [number, number] | null;
}

type Places = Record<string, [number, number]>;

/** Labels of a word or two, for a topology drawn small (a slide): readable, never truncated. */
export const SHORT_LABELS: Readonly<Record<string, string>> = {
  [CLIENT_NODE]: 'Client',
  RequestProcess: 'Request',
  Router: 'Router',
  LabOrder: 'LabOrder',
  SampleCollection: 'Sample',
  EventStore: 'Events',
  PatientTimelineProjection: 'Timeline',
  LabWorklistProjection: 'Worklist',
  SampleCollectionProcessManager: 'Sample PM',
  NotificationHandler: 'Notifier',
  'Task (SMS)': 'SMS',
};

/** Which labels a topology draws: the full names, or the short ones. */
export type TopologyLabels = 'full' | 'short';

/**
 * What a view asks of its topology: full or short labels, or `fit`: the full names where the box
 * is wide enough for them, else the short ones in the slide layout (a side of the comparison).
 */
export type TopologyLabelChoice = TopologyLabels | 'fit';

/**
 * Below this width (CSS px) the wide layout's boxes come out under 95 px, and cut even their
 * short names: at 1280 a side of the comparison read `Phoe…`, `LabO…`, `Samp…` and `H…`.
 */
export const FULL_LABELS_MIN_WIDTH = 720;

/** The labels a `choice` draws in a box `width` CSS px wide. */
export function labelsFor(choice: TopologyLabelChoice, width: number): TopologyLabels {
  if (choice !== 'fit') return choice;
  return width >= FULL_LABELS_MIN_WIDTH ? 'full' : 'short';
}

/** A node's label as drawn. */
export function nodeLabel(node: Pick<NodeBox, 'id' | 'label'>, labels: TopologyLabels): string {
  return labels === 'short' ? (SHORT_LABELS[node.id] ?? node.label) : node.label;
}

/** Columns in the order messages flow; the two handlers that dispatch loop back to the Router. */
const WIDE: Places = {
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

/** Rows in the order messages flow; loops back to the Router run up the side lanes. */
const TALL: Places = {
  [CLIENT_NODE]: [195, 0],
  RequestProcess: [195, 92],
  Router: [195, 184],
  LabOrder: [80, 276],
  SampleCollection: [310, 276],
  EventStore: [195, 368],
  PatientTimelineProjection: [30, 472],
  LabWorklistProjection: [360, 472],
  SampleCollectionProcessManager: [110, 576],
  NotificationHandler: [280, 576],
  'Task (SMS)': [280, 668],
};

function build(
  id: TopoLayout['id'],
  places: Places,
  w: number,
  h: number,
  nodeW: number,
  nodeH: number,
  clientW = id === 'wide' ? 84 : nodeW,
): TopoLayout {
  const nodes: NodeBox[] = [
    { id: CLIENT_NODE, label: 'HTTP client', service: 'outside' },
    ...TOPOLOGY.map((n) => ({ id: n.id, label: n.label, service: n.service })),
  ]
    // A scenario's layout places only the processes it uses.
    .filter((n) => n.id in places)
    .map((n) => {
      const [x, y] = places[n.id] ?? [0, 0];
      // The client box is narrower side by side: it only sends.
      return { ...n, x, y, w: n.id === CLIENT_NODE ? clientW : nodeW };
    });
  const byId = new Map(nodes.map((n) => [n.id, n]));

  const edgeBetween = (a: NodeBox, b: NodeBox): Edge['points'] => {
    if (id === 'wide') {
      if (b.x === a.x && b.y > a.y) {
        // Straight down to the box below (the SMS task under its handler).
        const x = a.x + a.w / 2;
        return [x, a.y + nodeH, x, a.y + nodeH + 10, x, b.y - 10, x, b.y];
      }
      if (b.x > a.x) {
        const x1 = a.x + a.w;
        const y1 = a.y + nodeH / 2;
        const x2 = b.x;
        const y2 = b.y + nodeH / 2;
        const mx = (x1 + x2) / 2;
        return [x1, y1, mx, y1, mx, y2, x2, y2];
      }
      // Back to the Router: out of the lower left corner, under every box, up into the Router.
      const x1 = a.x;
      const y1 = a.y + nodeH - 12;
      const x2 = b.x + b.w / 2;
      const y2 = b.y + nodeH;
      return [x1, y1, x1 - 80, h - 6, x2, h - 6, x2, y2];
    }
    if (b.y > a.y) {
      const x1 = a.x + a.w / 2;
      const y1 = a.y + nodeH;
      const x2 = b.x + b.w / 2;
      const y2 = b.y;
      const my = (y1 + y2) / 2;
      return [x1, y1, x1, my, x2, my, x2, y2];
    }
    // Back to the Router: out of the box's outer side, up a side lane, into the Router's side.
    const left = a.x + a.w / 2 < w / 2;
    const x1 = left ? a.x : a.x + a.w;
    const y1 = a.y + nodeH / 2;
    const x2 = left ? b.x : b.x + b.w;
    const y2 = b.y + nodeH / 2;
    const lane = left ? 4 : w - 4;
    return [x1, y1, lane, y1, lane, y2, x2, y2];
  };

  const edges: Edge[] = [
    { from: CLIENT_NODE, to: 'RequestProcess' },
    ...TOPOLOGY.flatMap((n) => n.targets.map((t) => ({ from: n.id, to: t }))),
  ].flatMap(({ from, to }) => {
    const a = byId.get(from);
    const b = byId.get(to);
    return a && b ? [{ from, to, points: edgeBetween(a, b) }] : [];
  });
  const byKey = new Map(edges.map((e) => [`${e.from}>${e.to}`, e]));

  const layout: TopoLayout = {
    id,
    w,
    h,
    nodeH,
    nodes,
    byId,
    edges,
    pointOnPath(from, to, t) {
      let edge = byKey.get(`${from}>${to}`);
      let u = t;
      if (!edge) {
        edge = byKey.get(`${to}>${from}`);
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
    },
  };
  specs.set(layout, { id, places, w, h, nodeW, nodeH, clientW });
  return layout;
}

/** What a layout was built from, so that it can be built again wider. */
interface LayoutSpec {
  id: TopoLayout['id'];
  places: Places;
  w: number;
  h: number;
  nodeW: number;
  nodeH: number;
  clientW: number;
}
const specs = new WeakMap<TopoLayout, LayoutSpec>();

/**
 * The most a layout is widened to use a box's spare width. A box much wider than the picture it
 * holds (a guided step on the reading page at 1280: 630 x 260 px) drew the boxes 71 px wide, their
 * short names cut to 'LabO…' and 'Timel…', between two empty margins. Past this the picture reads
 * as gaps.
 */
export const MAX_WIDEN = 1.6;
const widened = new WeakMap<TopoLayout, Map<number, TopoLayout>>();

/**
 * `layout` with its columns and boxes up to `factor` times as wide, in steps of 5 % (a resize by a
 * few pixels reuses the same layout); its heights, and so its text, stay as they are.
 */
export function widenLayout(layout: TopoLayout, factor: number): TopoLayout {
  const f = Math.min(MAX_WIDEN, Math.floor(factor * 20) / 20);
  const spec = specs.get(layout);
  if (f <= 1 || !spec) return layout;
  let byFactor = widened.get(layout);
  if (!byFactor) widened.set(layout, (byFactor = new Map()));
  let wide = byFactor.get(f);
  if (!wide) {
    const places: Places = {};
    for (const [node, [x, y]] of Object.entries(spec.places)) places[node] = [x * f, y];
    const { id, w, h, nodeW, nodeH, clientW } = spec;
    wide = build(id, places, w * f, h, nodeW * f, nodeH, clientW * f);
    byFactor.set(f, wide);
  }
  return wide;
}

export const WIDE_LAYOUT = build('wide', WIDE, 1000, 440, 132, 92);
export const TALL_LAYOUT = build('tall', TALL, 540, 744, 150, 72);

/**
 * The lab-order system drawn small (a slide, a docked panel): without the HTTP client, which is
 * outside the system and carries no context, and with the SMS task under its handler, so the boxes
 * come out 20 % bigger and their short labels fit whole.
 */
export const SLIDE_LAYOUT = build(
  'wide',
  {
    RequestProcess: [4, 150],
    Router: [154, 150],
    LabOrder: [304, 60],
    SampleCollection: [304, 240],
    EventStore: [454, 150],
    PatientTimelineProjection: [610, 2],
    LabWorklistProjection: [610, 102],
    SampleCollectionProcessManager: [610, 202],
    NotificationHandler: [610, 302],
    'Task (SMS)': [610, 410],
  },
  746,
  516,
  132,
  92,
);

/**
 * The proof of concept runs in the request process alone (ExRay's function spans): two boxes, big
 * enough for the process's span stack, which is the point of that scene. They sit in the middle of
 * the picture, with room under them for the pills of two mixed spans; at the top, they left the
 * lower half of a slide's scene empty.
 */
export const POC_WIDE_LAYOUT = build(
  'wide',
  { [CLIENT_NODE]: [4, 100], RequestProcess: [200, 100] },
  560,
  330,
  340,
  130,
  120,
);
export const POC_TALL_LAYOUT = build(
  'tall',
  { [CLIENT_NODE]: [90, 4], RequestProcess: [20, 190] },
  380,
  500,
  340,
  130,
  200,
);

/** The layouts a scenario's topology may take, widest first. */
export function layoutsFor(scenario?: string, small = false): readonly TopoLayout[] {
  if (scenario === 'proof-of-concept') return [POC_WIDE_LAYOUT, POC_TALL_LAYOUT];
  return small ? [SLIDE_LAYOUT, TALL_LAYOUT] : [WIDE_LAYOUT, TALL_LAYOUT];
}

/** Where a layout sits in a box of `width` x `height` CSS pixels: uniform scale, centred. */
export interface Placement {
  layout: TopoLayout;
  scale: number;
  x: number;
  y: number;
}

/**
 * The layout that comes out biggest in the box (so its text is largest), widened into the box's
 * spare width (so its boxes have room for their names), centred in it.
 */
export function placeLayout(
  width: number,
  height: number,
  scenario?: string,
  small = false,
): Placement {
  const [first, ...others] = layoutsFor(scenario, small) as [TopoLayout, ...TopoLayout[]];
  let best = first;
  let scale = Math.min(width / first.w, height / first.h);
  for (const layout of others) {
    const s = Math.min(width / layout.w, height / layout.h);
    // The wide layout wins ties and near-ties: its boxes have room for the span stacks.
    if (s > scale * (layout.id === 'tall' ? 1.15 : 1)) [best, scale] = [layout, s];
  }
  const layout = widenLayout(best, width / (best.w * scale));
  return { layout, scale, x: (width - layout.w * scale) / 2, y: (height - layout.h * scale) / 2 };
}

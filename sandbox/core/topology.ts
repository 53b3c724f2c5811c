/** A box in the topology view: a module, or a pool of processes (request processes, tasks). */
export interface TopologyNode {
  id: string;
  service: string;
  label: string;
  /** Nodes it sends messages to. */
  targets: string[];
}

/** The static shape of the system, for the sandbox's topology view. */
export const TOPOLOGY: readonly TopologyNode[] = [
  { id: 'RequestProcess', service: 'web', label: 'Phoenix request', targets: ['Router'] },
  {
    id: 'Router',
    service: 'commanded',
    label: 'Router',
    targets: ['LabOrder', 'SampleCollection'],
  },
  { id: 'LabOrder', service: 'lab_orders', label: 'LabOrder aggregate', targets: ['EventStore'] },
  {
    id: 'SampleCollection',
    service: 'sample_collection',
    label: 'SampleCollection aggregate',
    targets: ['EventStore'],
  },
  {
    id: 'EventStore',
    service: 'event_store',
    label: 'EventStore',
    targets: [
      'PatientTimelineProjection',
      'LabWorklistProjection',
      'SampleCollectionProcessManager',
      'NotificationHandler',
    ],
  },
  {
    id: 'PatientTimelineProjection',
    service: 'projections',
    label: 'PatientTimeline projection',
    targets: [],
  },
  {
    id: 'LabWorklistProjection',
    service: 'projections',
    label: 'LabWorklist projection',
    targets: [],
  },
  {
    id: 'SampleCollectionProcessManager',
    service: 'commanded',
    label: 'SampleCollection process manager',
    targets: ['Router'],
  },
  {
    id: 'NotificationHandler',
    service: 'notifications',
    label: 'NotificationHandler',
    targets: ['Router', 'Task (SMS)'],
  },
  { id: 'Task (SMS)', service: 'notifications', label: 'SMS Task', targets: [] },
];

const LABELS = new Map(TOPOLOGY.map((n) => [n.id, n.label]));

/** What the topology calls a node ("Phoenix request" for RequestProcess); other ids as they are. */
export function nodeLabel(id: string): string {
  return LABELS.get(id) ?? id;
}

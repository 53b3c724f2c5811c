/** What the simulated clients do. */
export const SCENARIOS = ['lab-order', 'proof-of-concept'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export const SCENARIO_DESCRIPTIONS: Record<ScenarioName, string> = {
  'lab-order':
    'POST /lab-orders: PlaceLabOrder -> LabOrderPlaced -> projections, a process manager that schedules sample collection, and a notification that marks the patient notified.',
  'proof-of-concept':
    "PUT /stuff/:id handled in one process, with ExRay-style function spans: Alexander's proof of concept.",
};

/** The simulated HTTP request a client sends. */
export interface HttpRequest {
  kind: 'http';
  method: string;
  path: string;
  route: string;
  patientId: string;
}

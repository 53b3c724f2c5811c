import type { App } from './app.ts';
import { aggregateHandler } from './components/aggregate.ts';
import { eventStoreHandler } from './components/eventStore.ts';
import { notificationHandler } from './components/notificationHandler.ts';
import { processManagerHandler } from './components/processManager.ts';
import { projectionHandler } from './components/projection.ts';
import { routerHandler } from './components/router.ts';
import type { Handler } from './process.ts';

/**
 * Starts the long-lived processes, as the application's supervisor would, and subscribes the
 * event handlers: who hears which event is decided here.
 */
export function startApplication(app: App): void {
  const { runtime } = app;
  const start = (node: string, service: string, handler: Handler) =>
    runtime.spawn(node, service, handler).pid;
  app.pids.router = start('Router', 'commanded', routerHandler(app));
  app.pids.aggregates.LabOrder = start('LabOrder', 'lab_orders', aggregateHandler(app, 'LabOrder'));
  app.pids.aggregates.SampleCollection = start(
    'SampleCollection',
    'sample_collection',
    aggregateHandler(app, 'SampleCollection'),
  );
  app.pids.eventStore = start('EventStore', 'event_store', eventStoreHandler(app));
  const timeline = start(
    'PatientTimelineProjection',
    'projections',
    projectionHandler(app, 'PatientTimelineProjection', 'patient_timeline', false),
  );
  const worklist = start(
    'LabWorklistProjection',
    'projections',
    projectionHandler(app, 'LabWorklistProjection', 'lab_worklist', true),
  );
  const manager = start('SampleCollectionProcessManager', 'commanded', processManagerHandler(app));
  const notifier = start('NotificationHandler', 'notifications', notificationHandler(app));
  app.subscribers.LabOrderPlaced.push(timeline, worklist, manager);
  app.subscribers.SampleCollectionScheduled.push(worklist, notifier);
  app.subscribers.PatientNotified.push(timeline);
}

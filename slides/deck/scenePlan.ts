import type { SceneSetting, SlideMeta } from './deckMeta.ts';
import type { Position } from './navigation.ts';
import type { SceneInput } from './sync.ts';

/**
 * What a live scene must have run, in order: batches of requests, each sent once the one before
 * has finished. Every window derives the same plan from the same place in the talk and the same
 * inputs, so every window runs the same simulation, whichever way it got there.
 */
export type RequestPlan = readonly number[];

/** The count a `send` input asks for (1 when it names none). */
function sendCount(input: SceneInput): number {
  return input.kind === 'send' ? (typeof input.count === 'number' ? input.count : 1) : 0;
}

/** The build an input was made at (inputs without one count as made on the slide's first view). */
function inputStep(input: SceneInput): number {
  return typeof input.step === 'number' ? input.step : 0;
}

/** The `send` inputs made at `step`, as batches. */
function sendsAt(inputs: readonly SceneInput[], step: number): number[] {
  return inputs.filter((i) => inputStep(i) === step && sendCount(i) > 0).map(sendCount);
}

/**
 * A slide's scene at a build: `base` requests first; a build whose `<Scene requests>` raises the
 * count sends the difference; each build's inputs follow it. Inputs made at later builds are not
 * in the picture of an earlier one.
 */
export function slideRequestPlan(
  base: number,
  scenes: readonly SceneSetting[],
  inputs: readonly SceneInput[],
  step: number,
): RequestPlan {
  const plan: number[] = [];
  let total = 0;
  const raiseTo = (n: number) => {
    if (n > total) plan.push(n - total);
    total = Math.max(total, n);
  };
  raiseTo(base);
  for (let s = 0; s <= step; s++) {
    for (const marker of scenes)
      if (marker.step === s && marker.requests !== undefined) raiseTo(marker.requests);
    plan.push(...sendsAt(inputs, s));
  }
  return plan;
}

/**
 * The docked scene beside the slides: every marker's requests so far add up, batch by batch;
 * inputs made in the dock follow the slide and build they were made at.
 */
export function dockRequestPlan(
  slides: readonly SlideMeta[],
  pos: Position,
  inputs: readonly SceneInput[],
): RequestPlan {
  const plan: number[] = [];
  slides.forEach((slide, i) => {
    if (i > pos.slide) return;
    const last = i < pos.slide ? slide.steps : pos.step;
    for (let s = 0; s <= last; s++) {
      for (const marker of slide.scenes)
        if (marker.step === s && marker.requests) plan.push(marker.requests);
      plan.push(
        ...inputs
          .filter((input) => input.slide === i && inputStep(input) === s && sendCount(input) > 0)
          .map(sendCount),
      );
    }
  });
  return plan;
}

/** Whether `next` only adds batches after `prev` (so the running scene can go on). */
export function extendsPlan(prev: RequestPlan, next: RequestPlan): boolean {
  return prev.length <= next.length && prev.every((n, i) => next[i] === n);
}

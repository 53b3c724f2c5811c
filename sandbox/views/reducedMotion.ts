/** Whether the viewer asked for less motion: scenes then show their settled picture, no moving dots. */
export const prefersReducedMotion = (): boolean =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

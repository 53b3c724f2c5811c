import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A component whose code loads on demand, with `preload` to start loading it early. Once loaded,
 * its first render does not suspend: the factory hands React a thenable that resolves
 * synchronously, so no Suspense fallback shows before the content. (React.lazy with a promise,
 * even a settled one, suspends once: a placeholder for a frame, and whatever is below it moves.)
 */
export function lazyLoaded<P extends object>(
  load: () => Promise<ComponentType<P>>,
): { Component: LazyExoticComponent<ComponentType<P>>; preload: () => Promise<ComponentType<P>> } {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (loading ??= load().then((c) => {
      loaded = c;
      return c;
    }));
  const Component = lazy(() => {
    const done = loaded;
    if (!done) return preload().then((c) => ({ default: c }));
    const settled: PromiseLike<{ default: ComponentType<P> }> = {
      then: (ok) => Promise.resolve(ok?.({ default: done })) as never,
    };
    return settled as Promise<{ default: ComponentType<P> }>;
  });
  return { Component, preload };
}

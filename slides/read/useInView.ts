import { useEffect, useState, type RefObject } from 'react';

/** Whether the element is (partly) in the viewport, from an IntersectionObserver. */
export function useInView(ref: RefObject<Element | null>, enabled = true): boolean {
  const [inView, setInView] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || !enabled) return;
    const observer = new IntersectionObserver(([entry]) =>
      setInView(entry?.isIntersecting ?? false),
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, enabled]);
  return inView;
}

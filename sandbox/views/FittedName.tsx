/**
 * A name as `useNameFit` fitted it (`…aggregate.execute`), with the whole name for screen readers
 * and for a test reading the text; the name as it is when it fits.
 */
export function FittedName({ name, shown }: { name: string; shown: string }) {
  if (shown === name) return name;
  return (
    <>
      <span aria-hidden="true">{shown}</span>
      <span className="sr-only">{name}</span>
    </>
  );
}

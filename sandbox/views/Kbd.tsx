/** A key hint beside a control; the control's `aria-keyshortcuts` says it to screen readers. */
export function Kbd({ k }: { k: string }) {
  return (
    <kbd className="sbx-kbd" aria-hidden="true">
      {k}
    </kbd>
  );
}

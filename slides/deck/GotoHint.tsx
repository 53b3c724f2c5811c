/** The slide number being typed, until Enter takes the deck there. */
export function GotoHint({ typed, total }: { typed: string; total: number }) {
  if (!typed) return null;
  const n = Number(typed);
  const ok = n >= 1 && n <= total;
  return (
    <p className="goto-hint" role="status" data-goto={typed}>
      {ok ? (
        <>
          Go to slide <strong>{n}</strong> · Enter
        </>
      ) : (
        <>
          No slide {typed} (1–{total})
        </>
      )}
    </p>
  );
}

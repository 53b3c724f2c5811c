import { SlideView } from './SlideView.tsx';
import { Stage } from './Stage.tsx';

/**
 * One slide's picture in the overview, or, until the overview draws it (Overview.tsx), the
 * slide's name in its place.
 *
 * The picture is inert and beside the thumbnail's button, not in it: a slide's own controls (a
 * live scene's) would be interactive elements nested in a button.
 */
export function ThumbPicture({
  index,
  steps,
  label,
  drawn,
}: {
  index: number;
  steps: number;
  label: string;
  drawn: boolean;
}) {
  return (
    <div className="thumb-picture" inert aria-hidden="true" data-drawn={drawn}>
      {drawn ? (
        <Stage label={`Slide ${index + 1}`}>
          <SlideView index={index} step={steps} preview />
        </Stage>
      ) : (
        <p className="thumb-pending">{label}</p>
      )}
    </div>
  );
}

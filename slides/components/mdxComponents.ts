import { Notes, Slide, SlideBody } from '../deck/SlideParts.tsx';
import {
  DeckBackground,
  DeckColumn,
  DeckColumns,
  DeckFooter,
  DeckSide,
} from '../deck/DecksetFrame.tsx';
import { Beat, BeatRef } from './Beat.tsx';
import { DeckImage } from './DeckImage.tsx';
import { LiveScene } from './LiveScene.tsx';
import { OpenTracingDiagram } from './OpenTracingDiagram.tsx';
import { Read } from './Read.tsx';
import { Scene } from './Scene.tsx';
import { SearchResults } from './SearchResults.tsx';
import { SiteAddress } from './SiteAddress.tsx';
import { Step } from './Step.tsx';
import { Term } from './Term.tsx';
import { Guide, Predict } from './tutorialLoader.tsx';

/** Every component the deck's MDX may use without importing it. */
export const mdxComponents = {
  Slide,
  SlideBody,
  Notes,
  Step,
  Scene,
  LiveScene,
  DeckImage,
  DeckBackground,
  DeckSide,
  DeckColumns,
  DeckColumn,
  DeckFooter,
  SearchResults,
  OpenTracingDiagram,
  Read,
  Beat,
  BeatRef,
  SiteAddress,
  Term,
  Guide,
  Predict,
};

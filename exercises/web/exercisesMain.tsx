import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import ExercisesPage from './ExercisesPage.tsx';

// A stand-alone entry (exercises.html) for working on and testing the exercises page by itself.
const root = document.getElementById('root');
if (!root) throw new Error('exercises.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ExercisesPage />
  </StrictMode>,
);

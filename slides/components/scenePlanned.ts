import { createContext } from 'react';

/**
 * Whether a slide's live scene has been given its plan (LiveSceneBody.tsx). Between the scene's
 * creation and its plan (one render), its simulation has nothing to do, and "idle" would claim a
 * settled picture that is still empty: a test, or a presenter view reading it, took that for the
 * slide's point ("no focus"). The caption and the stage say idle only once this is true.
 */
export const ScenePlanned = createContext(true);

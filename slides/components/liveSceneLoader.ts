/** Loads the body of live scenes on demand: the deck preloads it when a slide with one is near. */
export const loadLiveSceneBody = () => import('./LiveSceneBody.tsx');

// A compiled talk takes its JSX runtime from here rather than from 'react/jsx-runtime' (see
// compileTalk): a talk from elsewhere (TALK=../my-talk/talk.md) has no node_modules beside it,
// and the build's prerender resolves a bare import from the importing file's folder.
export { Fragment, jsx, jsxs } from 'react/jsx-runtime';

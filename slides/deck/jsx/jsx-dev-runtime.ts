// The development JSX runtime, for the same reason as jsx-runtime.ts.
export { Fragment, jsxDEV } from 'react/jsx-dev-runtime';

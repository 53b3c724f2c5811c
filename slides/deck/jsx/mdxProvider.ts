// The MDX provider a compiled talk asks for its components, for the same reason as
// jsx-runtime.ts.
export { useMDXComponents } from '@mdx-js/react';

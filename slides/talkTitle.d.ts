// The talk's name, from the deck plugin (slides/deck/markdown/vitePlugin.ts): the `title:`
// setting or the first slide's headings; and its `description:` setting ('' without one).
// Importing it does not load the talk.
declare module 'virtual:talk-title' {
  const title: string;
  export default title;
  export const description: string;
}

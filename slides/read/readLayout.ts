/**
 * Wide enough for the reading page's sticky scene beside the text, and its contents open. The
 * build prerenders the page for each side of it (app/prerender/shellRoutes.ts).
 */
export const READ_WIDE = '(min-width: 1100px)';

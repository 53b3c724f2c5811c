import { count } from './tutorial/runFacts.ts';

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "six guided steps", "one question", "12 questions": small counts read better as words. */
function counted(n: number, what: string): string {
  return count(n, what).replace(/^\d+/, (digits) => WORDS[n] ?? digits);
}

/**
 * The reading page's opening paragraph, from what the talk has: its sections, its own
 * `description:` setting, and whether it has live scenes, guided steps and questions. Another
 * talk gets its own sentence, never this one's.
 */
export function readingLede(talk: {
  sections: number;
  description?: string;
  live: boolean;
  guides: number;
  questions: number;
}): string {
  const parts = [`A tutorial in ${counted(talk.sections, 'section')}.`];
  const about = talk.description?.trim();
  if (about) parts.push(/[.!?]$/.test(about) ? about : `${about}.`);
  const tasks = [
    ...(talk.guides > 0 ? [`do ${counted(talk.guides, 'guided step')}`] : []),
    ...(talk.questions > 0 ? [`answer ${counted(talk.questions, 'question')}`] : []),
  ];
  if (talk.live || tasks.length > 0)
    parts.push(
      `Along the way you run a simulated event-driven backend in your browser${
        tasks.length > 0 ? `, ${tasks.join(' and ')}` : ''
      }.`,
    );
  return parts.join(' ');
}

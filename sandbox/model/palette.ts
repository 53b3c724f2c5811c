/**
 * Okabe–Ito: eight colours that colour-blind viewers can tell apart. Every use also carries a
 * text label, so colour is never the only cue.
 */
export const OKABE_ITO = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#56B4E9', // sky blue
  '#D55E00', // vermillion
  '#F0E442', // yellow
  '#000000', // black
] as const;

const SERVICE_COLOURS: Record<string, string> = {
  web: '#0072B2',
  commanded: '#E69F00',
  lab_orders: '#009E73',
  sample_collection: '#CC79A7',
  event_store: '#56B4E9',
  projections: '#D55E00',
  notifications: '#F0E442',
};

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return Math.abs(h);
}

/** One colour per service; services from imported files get one by name. */
export function serviceColour(service: string): string {
  return SERVICE_COLOURS[service] ?? (OKABE_ITO[hash(service) % 7] as string);
}

/** A trace's colour, by its order of arrival. */
export function traceColour(index: number): string {
  return OKABE_ITO[index % OKABE_ITO.length] as string;
}

/** Text that stays readable on a colour (yellow, sky blue and orange need dark text). */
export function textOn(colour: string): string {
  return ['#E69F00', '#56B4E9', '#F0E442', '#CC79A7'].includes(colour) ? '#000000' : '#FFFFFF';
}

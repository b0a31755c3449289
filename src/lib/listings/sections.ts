/**
 * The sections the site files articles under, declared once: the schema, the header and the
 * section pages all derive from this list, so adding a section is a one-line change here.
 */
export const SECTIONS = ['israel', 'middle-east', 'world'] as const;

/** A section's URL slug, e.g. "world". */
export type Section = (typeof SECTIONS)[number];

/** What readers see for each section, e.g. "Middle East". */
export const SECTION_LABELS: Readonly<Record<Section, string>> = {
  israel: 'Israel',
  'middle-east': 'Middle East',
  world: 'World',
};

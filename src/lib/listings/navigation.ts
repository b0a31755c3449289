import { SECTIONS, SECTION_LABELS, type Section } from './sections';
import { paths } from '../site/urls';

/** Where in the site a page is, as the header's navigation marks it (`aria-current="page"`). */
export type NavPlace = Section | 'archive' | 'search';

/** One entry of the site's navigation. */
export interface NavItem {
  readonly place: NavPlace;
  readonly label: string;
  readonly href: string;
}

/** The header's navigation: every section, then the archive and search. */
export const NAV_ITEMS: readonly NavItem[] = [
  ...SECTIONS.map((section) => ({
    place: section,
    label: SECTION_LABELS[section],
    href: paths.section(section),
  })),
  { place: 'archive', label: 'Archive', href: paths.archive() },
  { place: 'search', label: 'Search', href: paths.search() },
];

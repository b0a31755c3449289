// The made-up archive's word banks (bench/generate.mjs): the lists its sentences, headlines,
// people, pictures' words and notices are drawn from. Data only; bench/lib/archive/writer.mjs
// fills the {placeholders}.
//
// Plain text only: nothing MDX or Markdown would read as syntax ({ } < > ` # at a line start).
// Changing, adding or reordering an entry changes every archive a seed makes (the draws index
// into these lists), so results from before the change are no longer comparable byte for byte.

export const SECTIONS = ['israel', 'middle-east', 'world'];

export const TAGS = [
  'diplomacy',
  'economy',
  'energy',
  'water',
  'technology',
  'security',
  'trade',
  'defense',
  'elections',
  'Knesset',
  'tourism',
  'agriculture',
  'health',
  'education',
  'climate',
  'cybersecurity',
  'Abraham Accords',
  'Azerbaijan',
  'Egypt',
  'Jordan',
  'UAE',
  'Bahrain',
  'Morocco',
  'Saudi Arabia',
  'Turkey',
  'Cyprus',
  'Greece',
  'India',
  'United States',
  'European Union',
  'United Nations',
  'human rights',
  'aviation',
  'archaeology',
  'culture',
  'sports',
  'science',
  'startups',
  'natural gas',
  'infrastructure',
  'humanitarian aid',
];

export const BYLINES = [
  'JNS',
  'JNS Staff',
  'Noa Ben-Ami',
  'David Rosen',
  'Miriam Katz',
  'Yoav Peretz',
  'Sarah Klein',
  'Amir Haddad',
];

/** Invented people: the speakers of pull-quotes and the authors of quoted posts. */
export const PEOPLE = [
  { name: 'Dana Levi', hebrew: 'דנה לוי', role: 'Deputy Foreign Minister', handle: 'DanaLevi_MFA' },
  { name: 'Avi Mizrahi', hebrew: 'אבי מזרחי', role: 'Minister of Energy', handle: 'AviMizrahi' },
  { name: 'Ruth Shapiro', hebrew: 'רות שפירו', role: 'Mayor of the city', handle: 'RuthShapiro' },
  { name: 'Omar Khalil', role: 'Trade envoy', handle: 'OmarKhalil_Tr' },
  { name: 'Leila Nasser', role: 'Foreign Ministry spokeswoman', handle: 'LeilaNasser' },
  { name: 'Jonathan Reed', role: 'Ambassador to Israel', handle: 'AmbJReed' },
  { name: 'Helena Costa', role: 'European Commission official', handle: 'HelenaCostaEU' },
  { name: 'Tamar Golan', hebrew: 'תמר גולן', role: 'Member of Knesset', handle: 'TamarGolanMK' },
  { name: 'Yusuf Demir', role: 'Regional analyst', handle: 'YDemir_Analyst' },
  { name: 'Priya Raman', role: 'Chief executive of a water company', handle: 'PriyaRaman' },
  { name: 'Elad Cohen', hebrew: 'אלעד כהן', role: 'Director of the tourism board', handle: 'EladCohen1' },
  { name: 'Sofia Andreou', role: 'Minister of Foreign Affairs', handle: 'SAndreou_GR' },
];

export const PLACES = [
  'Jerusalem',
  'Tel Aviv',
  'Haifa',
  'Beersheba',
  'Baku',
  'Abu Dhabi',
  'Dubai',
  'Manama',
  'Rabat',
  'Cairo',
  'Amman',
  'Nicosia',
  'Athens',
  'Washington',
  'Brussels',
  'Berlin',
  'London',
  'New Delhi',
  'Ankara',
  'Riyadh',
];

export const SUBJECTS = [
  'The foreign minister',
  'Officials in {place}',
  'A senior diplomat',
  'The visiting delegation',
  'Analysts in {place}',
  'The ministry',
  'Several lawmakers',
  'The prime minister’s office',
  'Residents of the area',
  'Regional partners',
  'The defense establishment',
  'Business leaders from {place}',
  'The opposition',
  'Municipal officials',
  'A government spokesman',
  'The central bank',
  'Researchers at a university in {place}',
  'Negotiators from both sides',
  'The coalition',
  'Diplomats in {place}',
];

export const VERBS = [
  'welcomed',
  'criticized',
  'discussed',
  'announced',
  'reviewed',
  'signed',
  'postponed',
  'backed',
  'questioned',
  'praised',
  'outlined',
  'defended',
  'approved',
  'rejected',
  'expanded',
  'debated',
  'presented',
  'proposed',
  'examined',
  'finalized',
];

export const OBJECTS = [
  'the new trade agreement',
  'plans for a joint water project',
  'the budget for border security',
  'a memorandum on energy cooperation',
  'the reopening of the consulate',
  'a program of direct flights to {place}',
  'the framework for regional talks',
  'new rules for foreign investment',
  'a proposal to expand the rail network',
  'the latest figures on tourism',
  'a pilot scheme for desalination',
  'the cybersecurity partnership',
  'funding for archaeological excavations',
  'an exchange program for students',
  'the agreement on natural gas exports',
  'a plan to rebuild damaged infrastructure',
  'the humanitarian corridor',
  'a package of economic incentives',
  'the appointment of a new ambassador',
  'a joint statement on maritime security',
];

export const TAILS = [
  'after months of negotiations',
  'according to a statement from the ministry',
  'ahead of next week’s summit in {place}',
  'during a press conference in {place}',
  'in a move that surprised many observers',
  'despite objections from the opposition',
  'as part of a wider regional initiative',
  'at a ceremony attended by {number} guests',
  'following talks that lasted late into the night',
  'in a closed-door meeting on {weekday}',
  'on the sidelines of a conference in {place}',
  'for the first time in {number} years',
  'with support from international partners',
  'while protesters gathered outside',
  'in an interview with local media',
];

export const CLOSERS = [
  'The details are expected to be published within weeks.',
  'Neither side commented on the timetable.',
  'A vote is scheduled for later this month.',
  'Officials said further meetings would follow.',
  'The proposal still requires cabinet approval.',
  'Observers described the step as significant.',
  'The ministry declined to give further details.',
  'Talks are due to resume in {place} next month.',
];

export const QUOTE_VERBS = ['said', 'told reporters', 'added', 'noted', 'stressed', 'wrote in a statement'];

export const QUOTE_LINES = [
  'This is a day that many people on both sides worked very hard to reach',
  'We are building something that will outlast every one of us',
  'Cooperation on {object} serves the interests of the entire region',
  'Our partnership with {place} has never been stronger than it is today',
  'There is still a great deal of work ahead, and we intend to do it',
  'The people of {place} deserve security, prosperity and a future of peace',
  'We will not let short-term politics stand in the way of long-term progress',
  'Every agreement we sign makes the next one a little easier',
];

export const HEADLINES = [
  '{Place} and {place2} sign {object}',
  '{Subject} {verb} {object}',
  'Ministers meet in {place} to discuss {object}',
  '{Place} unveils {object}',
  'Lawmakers clash over {object}',
  'Talks in {place} focus on {object}',
  'New deal with {place} puts {object} on the agenda',
];

export const DEKS = [
  'Officials from {place} and {place2} met on {weekday} to review {object}.',
  'The decision, taken {tail}, could reshape relations between {place} and {place2}.',
  'Supporters call it a breakthrough; critics say {object} still leaves key questions open.',
  '{Subject} {verb} {object}, {tail}.',
];

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Sunday'];

/** Alt text of the lead photographs: what the made-up scene shows (people, a skyline, hills). */
export const LEAD_ALTS = [
  'Delegates walking past the skyline of {place} at dusk',
  'People gathered on a hillside above {place} in the evening light',
  'A small crowd outside government buildings in {place}',
  'Officials arriving for talks in {place}, with the city behind them',
  'Residents watching the sun go down over the towers of {place}',
  'The skyline of {place} seen from the hills, with people in the foreground',
];

export const LEAD_CAPTIONS = [
  'The view over {place} on {weekday}.',
  'Delegates arrive in {place} before the talks.',
  'Visitors in {place}, where the meeting was held on {weekday}.',
  'Residents of {place} follow the news of the agreement.',
];

export const PHOTO_CREDITS = [
  'Miriam Levi/JNS',
  'Ori Ben-David/JNS',
  'Hana Saleh/JNS',
  'Tom Weiss/JNS',
  'Yael Amir/Government Press Office',
  'Karim Aziz/Foreign Ministry',
];

/** Where the crops keep the subject: left out (the centre) half the time. */
export const POSITIONS = ['top', 'bottom', 'left', 'right', 'bottom left'];

/** Alt text and captions of the body graphics, by what the graphic is (bench/lib/archive/pictures.mjs). */
export const FIGURE_TEXT = {
  chart: {
    alts: [
      'Bar chart of yearly totals for {object}, rising and falling over a decade',
      'Bar chart comparing spending in {place} and {place2} year by year',
    ],
    captions: ['Figures from the ministry, in millions.', 'Totals by year, as published in *{place}*.'],
  },
  map: {
    alts: [
      'Map of the area around {place} with a river and the site of the project marked',
      'Map of the border region near {place}, with the planned route marked',
    ],
    captions: [
      'Where the project is planned, near *{place}*.',
      'The route under discussion, east of {place}.',
    ],
  },
};

/**
 * The roster's names: first × last, shuffled once per seed, person k the k-th pair (so no two
 * people share a name or a slug). Different from the bylines and the quoted people above.
 */
export const FIRST_NAMES = [
  'Adi',
  'Alon',
  'Ayelet',
  'Benjamin',
  'Chana',
  'Daniel',
  'Eitan',
  'Esther',
  'Gal',
  'Hadas',
  'Ilan',
  'Karin',
  'Lior',
  'Maya',
  'Nadav',
  'Orly',
  'Rafael',
  'Rivka',
  'Shira',
  'Talia',
  'Uri',
  'Yael',
  'Zohar',
  'Rami',
];
export const LAST_NAMES = [
  'Ashkenazi',
  'Barak',
  'Ben-Haim',
  'Carmeli',
  'Dahan',
  'Elkayam',
  'Friedman',
  'Gabay',
  'Har-Zion',
  'Kaplan',
  'Lavi',
  'Malka',
  'Navon',
  'Ohana',
  'Portnoy',
  'Rubin',
  'Segal',
  'Tal',
  'Vaknin',
  'Weiss',
  'Yosef',
  'Zamir',
  'Avraham',
  'Stern',
];

export const ROLES = [
  'Diplomatic correspondent',
  'Political correspondent',
  'Economics reporter',
  'Energy and environment reporter',
  'Defense correspondent',
  'Middle East correspondent',
  'Europe correspondent',
  'Washington correspondent',
  'Technology reporter',
  'Culture writer',
  'News editor',
  'Data reporter',
  'Staff writer',
];

export const BIO_LINES = [
  '{name} is a made-up reporter for the site’s benchmark, with stories that never happened.',
  'Before joining, {first} covered {object} from {place}.',
  '{first} files mostly from {place} and {place2}.',
  '{first} has written about {object} since {year}.',
  'Readers can reach {first} through the newsroom in {place}.',
];

/** What a correction or clarification says: plain sentences, nothing Markdown reads as syntax. */
export const NOTICE_TEXT = {
  correction: [
    'An earlier version of this article gave the day of the meeting in {place} as {weekday}; it was held a day earlier.',
    'An earlier version misspelled the name of an official from {place}.',
    'An earlier version said that {number} delegations attended; there were more.',
    'An earlier version of this article placed the ceremony in {place}; it was held in {place2}.',
    'An earlier version misstated the timetable for {object}.',
  ],
  clarification: [
    'This article now makes clear that the talks in {place} were preliminary.',
    'This article now says that the figures cover {place} and {place2} together.',
    'This article has been updated to explain who took part in the meeting in {place}.',
    'This article now gives the full title of the agreement on {object}.',
  ],
};

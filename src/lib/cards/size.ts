/** Social card size in CSS pixels (= PNG pixels): the 1.91:1 size Open Graph and X recommend. */
export const CARD_WIDTH = 1200;
/** @see CARD_WIDTH */
export const CARD_HEIGHT = 630;

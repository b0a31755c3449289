import type { CropPosition } from '../../schemas/image';

/**
 * sharp's name for where a crop keeps the subject: it writes the horizontal side first
 * ("left top"), the frontmatter the way people say it ("top left"). Pure, so the social-card
 * pre-drawer (scripts/draw-cards-ahead.mjs) uses it too.
 * @example sharpPosition('top left') // 'left top'
 */
export function sharpPosition(position: CropPosition): string {
  const [first, second] = position.split(' ');
  return second ? `${second} ${first}` : position;
}

import { describe, expect, it } from 'vitest';
import { FEED_IMAGE_WIDTH, leadImageRendition, type LeadImage } from '../../src/lib/photos/renditions';
import { fallbackFormat } from '../../src/lib/photos/sizes';
import lead from '../fixtures/archive/fixture-harvest-festival/lead.jpg';
import map from '../fixtures/archive/fixture-harvest-festival/map.png';

const leadImage = (src: LeadImage['src']): LeadImage => ({
  src,
  alt: 'Stalls under white awnings beside a wheat field at dusk',
  credit: 'Miriam Levi/JNS',
  position: 'bottom',
});

describe('leadImageRendition (the picture the feeds enclose)', () => {
  it('is the whole photograph, 1,200 px wide, as a JPEG, its height kept in proportion', async () => {
    // The fixture is 1,800 × 1,200 px.
    expect([lead.width, lead.height]).toEqual([1800, 1200]);
    const rendition = await leadImageRendition(leadImage(lead));
    expect(rendition).toMatchObject({ width: FEED_IMAGE_WIDTH, height: 800, mediaType: 'image/jpeg' });
    // astro:assets' URL for the file (in tests, its dev endpoint): this source, this size, JPEG.
    const url = new URL(rendition.src, 'https://news.example.com/');
    expect(url.searchParams.get('href')).toContain('lead.jpg');
    expect([url.searchParams.get('w'), url.searchParams.get('f')]).toEqual(['1200', 'jpg']);
  });

  it('keeps a PNG source a PNG, as the page’s <img> fallback does', async () => {
    const rendition = await leadImageRendition(leadImage(map));
    expect(rendition.mediaType).toBe('image/png');
    expect(new URL(rendition.src, 'https://news.example.com/').searchParams.get('f')).toBe('png');
  });
});

describe('fallbackFormat', () => {
  it.each([
    ['jpg', 'jpg'],
    ['png', 'png'],
    ['webp', 'jpg'],
    ['avif', 'jpg'],
  ])('gives a %s source a %s fallback', (format, fallback) => {
    expect(fallbackFormat({ format })).toBe(fallback);
  });
});

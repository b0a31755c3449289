import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasAuthorFiles } from '../../src/lib/articles/source-globs';
import { ROOT } from '../helpers/build';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project folder with src/content/authors/ holding the given files. */
function projectWith(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'authors-'));
  made.push(dir);
  mkdirSync(join(dir, 'src/content/authors/desk'), { recursive: true });
  for (const file of files) writeFileSync(join(dir, 'src/content/authors', file), '---\nname: A\n---\n');
  return dir;
}

describe('hasAuthorFiles', () => {
  it('says no for a folder with only its _README.md, as the real site has', () => {
    expect(hasAuthorFiles(false, projectWith(['_README.md']))).toBe(false);
  });

  it('says yes for one person’s file, in a subfolder too', () => {
    expect(hasAuthorFiles(false, projectWith(['_README.md', 'desk/dana-cohen.md']))).toBe(true);
  });

  it('counts the example archive’s people only when it is built', () => {
    const bare = projectWith([]);
    expect(hasAuthorFiles(true, bare)).toBe(false);
    expect(hasAuthorFiles(true, ROOT)).toBe(true);
  });
});

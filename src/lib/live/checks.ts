/**
 * Checks of a live page that need its frontmatter and its updates together, run by the loader
 * once both are read: updates only in an article with `coverage`, none before `published`, none
 * after `coverage.ended`. Pure: the problem is returned, the loader throws it.
 */
import type { AuthoringProblem } from '../authoring/problem';
import { fieldPosition } from '../authoring/field-locator';
import type { NewsDate } from '../site/dates';
import type { UpdateSource } from './extract';

/** What the checks need of the parsed frontmatter. */
export interface LiveFrontmatter {
  readonly published: NewsDate;
  readonly coverage?: { readonly status: string; readonly ended?: NewsDate | undefined } | undefined;
}

/**
 * The first problem with an article's updates against its frontmatter, or undefined.
 * @param contents the file's source, for the lines of frontmatter fields
 * @param data the parsed frontmatter
 * @param updates the updates as `readUpdates` read them, in the order written (newest first)
 */
export function liveProblem(
  contents: string,
  data: LiveFrontmatter,
  updates: readonly UpdateSource[],
): AuthoringProblem | undefined {
  const first = updates[0];
  if (!first) return undefined;
  const at = (update: UpdateSource, message: string, hint: string): AuthoringProblem => ({
    line: update.line,
    column: 1,
    component: 'Update',
    message,
    hint,
  });
  if (!data.coverage) {
    return at(
      first,
      'this article has updates but no coverage in its frontmatter; <Update> is for live pages.',
      'Make it a live page: add to the frontmatter\n  coverage:\n    status: live\nor, for an ordinary article, write the text without <Update>.',
    );
  }
  for (const update of updates) {
    if (new Date(update.time) < data.published.date) {
      return at(
        update,
        `time ${update.time} is before the article was published (published: ${data.published.iso}); an update cannot come before the page it is on.`,
        'Correct the update’s time, or move published earlier.',
      );
    }
  }
  const ended = data.coverage.ended;
  // Updates are newest first, so the first one is the last to happen.
  if (ended && new Date(first.time) > ended.date) {
    const endedLine = fieldPosition(contents, ['coverage', 'ended'])?.line;
    return at(
      first,
      `time ${first.time} is after the coverage ended (coverage.ended${endedLine ? `, line ${endedLine}` : ''}: ${ended.iso}); ended must not be before the last update.`,
      `If the coverage ended later, set ended to the last update’s time or later, e.g. ended: '${first.time}'; if the update’s time is wrong, correct it.`,
    );
  }
  return undefined;
}

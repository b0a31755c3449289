import { expect } from 'vitest';
import { astroBuild, printedError, type PrintedError } from './build';
import { copyProject } from './project-copy';

/**
 * Builds a throwaway copy of the project after `prepare` has put a mistake into it (an article,
 * its pictures, an author file); the build must fail, and this returns the error it printed last,
 * as the author reads it.
 * @param prepare puts the broken input into the copy, given its folder
 */
export function failedBuildError(prepare: (dir: string) => void): PrintedError {
  const project = copyProject();
  try {
    prepare(project.dir);
    const { status, output } = astroBuild(project.dir);
    expect(status, output).not.toBe(0);
    const error = printedError(output, project.dir);
    expect(error, `no error block in the build output:\n${output}`).toBeDefined();
    return error as PrintedError;
  } finally {
    project.remove();
  }
}

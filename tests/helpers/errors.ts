/** What an author reads of an error from `astro/errors`: its name, message and hint (the fix). */
export interface ErrorShown {
  name: string;
  message: string;
  /** How to fix it, as the build prints under "Hint:"; absent when the error has none. */
  hint?: string;
}

/**
 * The error `run` throws (or rejects with), as the build would print it, so a test can pin the
 * message and the hint together in one inline snapshot. Fails when nothing is thrown.
 * @example expect(await errorOf(() => assertKnownComponents(body, file, known))).toMatchInlineSnapshot();
 */
export async function errorOf(run: Promise<unknown> | (() => unknown)): Promise<ErrorShown> {
  try {
    await (typeof run === 'function' ? run() : run);
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    // Read by shape, not instanceof: the component under test may load its own copy of astro/errors.
    const { hint } = error as Error & { hint?: unknown };
    return { name: error.name, message: error.message, ...(typeof hint === 'string' ? { hint } : {}) };
  }
  throw new Error('expected an error, but nothing was thrown');
}

import { expect, it } from 'vitest';
import type { FeedProblem } from './common';

/** A feed that breaks one rule: a row of the failing-fixture table each feed format's tests keep. */
export interface BrokenFeed<Rule extends string> {
  rule: Rule;
  /** What the fixture breaks, for the test name. */
  breaks: string;
  /** The feed as served. */
  source: string;
  contentType?: string;
  /** Text the message must contain, so it names the offending value. */
  mentions?: string;
  /** Other rules the same break necessarily trips too; any rule outside these is a false positive. */
  alsoBreaks?: Rule[];
}

/**
 * The tests every feed format's rule checker gets, inside its `describe`: the valid fixture
 * passes; each broken fixture trips exactly its rule (plus its `alsoBreaks`), with a message that
 * names the value; every rule has a failing fixture; and each accepted Content-Type passes.
 */
export function itChecksEveryRule<Rule extends string>(table: {
  check: (source: string, contentType?: string) => FeedProblem[];
  valid: string;
  rules: readonly Rule[];
  broken: readonly BrokenFeed<Rule>[];
  acceptedContentTypes: readonly string[];
}): void {
  const { check, valid, rules, broken, acceptedContentTypes } = table;

  it('finds no problem in a valid feed', () => {
    expect(check(valid)).toEqual([]);
  });

  it.each(broken)(
    'reports "$rule" for $breaks',
    ({ rule, source, contentType, mentions, alsoBreaks = [] }) => {
      const problems = check(source, contentType);
      // Exactly the expected rules fire: a stray one would be a false positive of another rule.
      expect(new Set(problems.map((problem) => problem.rule))).toEqual(new Set([rule, ...alsoBreaks]));
      if (mentions !== undefined) {
        expect(
          problems.filter((problem) => problem.rule === rule).map((problem) => problem.message),
        ).toContainEqual(expect.stringContaining(mentions));
      }
    },
  );

  it.each([...rules])('has a failing fixture for rule "%s"', (rule) => {
    expect(broken.some((fixture) => fixture.rule === rule)).toBe(true);
  });

  it.each([...acceptedContentTypes])('accepts the Content-Type %s', (contentType) => {
    expect(check(valid, contentType)).toEqual([]);
  });
}

import fc from 'fast-check';
import { describe, it } from 'vitest';
import { PROPERTIES } from './properties.js';

describe('engine properties (fast-check)', () => {
  it('--fix leaves no fixable finding, and a second --fix changes nothing', () => {
    fc.assert(PROPERTIES.fixIdempotent, { numRuns: 300 });
  });
});

import fc from 'fast-check';
import { describe, it } from 'vitest';
import { PROPERTIES } from './properties.js';

describe('engine properties (fast-check)', () => {
  it('never throws; every range and edit lies inside the document and on UTF-16 boundaries; fixes never overlap and keep every code unit outside their edits', () => {
    fc.assert(PROPERTIES.ranges, { numRuns: 1200 });
  });
});

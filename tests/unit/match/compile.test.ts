import { describe, expect, it } from 'vitest';
import type { CandidateList } from '../../../lib/list/types';
import { compileIndex, decide, serializeIndex } from '../../../lib/match';
import { NOW, TEST_LIST } from '../../corpus/list';
import { minimalList } from '../list/fixtures';

// compileIndex reuses one builder object across compiles (for the engine's sake, see compile.ts):
// nothing of one compile may reach the next.
describe('compileIndex across compiles', () => {
  const serialized = (lists: CandidateList[]) => JSON.stringify(serializeIndex(compileIndex(lists)));

  it('builds the same index whatever was compiled before', () => {
    const first = serialized([TEST_LIST]);
    serialized([minimalList()]);
    serialized([TEST_LIST, minimalList()]);
    expect(serialized([TEST_LIST])).toBe(first);
  });

  it('builds a correct index after a compile that threw', () => {
    const hostile = minimalList();
    Object.defineProperty(hostile.elections[0]!.tickets[0]!, 'members', {
      get() {
        throw new Error('hostile getter');
      },
    });
    expect(() => compileIndex([hostile])).toThrow('hostile getter');
    const idx = compileIndex([TEST_LIST]);
    expect(JSON.stringify(serializeIndex(idx))).toBe(serialized([TEST_LIST]));
    const d = decide(idx, { site: 'x', text: 'Ayo dukung Prabowo Subianto!', now: NOW.pilpresCampaign });
    expect(d.matches.map((m) => m.ticketId)).toEqual(['pilpres-2024/2']);
  });
});

/**
 * Reading the managed policy without waiting on the browser for long: Chromium's
 * storage.managed.get can take many seconds at a fresh start, and some builds never answer.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** the browser's answers, resolved by each test when it likes */
let answers: Array<{ resolve: (v: unknown) => void; reject: (e: unknown) => void }> = [];
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      managed: {
        get: () =>
          new Promise((resolve, reject) => {
            answers.push({ resolve, reject });
          }),
      },
    },
  },
}));

const POLICY = { region: '1811', lockListSource: true };

async function fresh() {
  vi.resetModules();
  answers = [];
  return import('../../lib/settings/managed');
}

describe('loadManaged', () => {
  beforeEach(() => {
    answers = [];
  });

  it('answers with the policy when the browser answers in time', async () => {
    const { loadManaged } = await fresh();
    const p = loadManaged({ waitMs: 60_000 });
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    answers[0]!.resolve(POLICY);
    expect(await p).toEqual({ region: '1811', lockListSource: true });
  });

  it('a browser that throws (no managed storage) means no policy', async () => {
    const { loadManaged } = await fresh();
    const p = loadManaged({ waitMs: 60_000 });
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    answers[0]!.reject(new Error('Managed storage manifest not found'));
    expect(await p).toEqual({});
  });

  it('a browser that does not answer: no policy after the wait, and the late answer goes to onLate', async () => {
    const { loadManaged } = await fresh();
    const onLate = vi.fn();
    expect(await loadManaged({ waitMs: 5, onLate })).toEqual({});
    expect(onLate).not.toHaveBeenCalled();
    answers[0]!.resolve(POLICY);
    await vi.waitFor(() => expect(onLate).toHaveBeenCalledWith({ region: '1811', lockListSource: true }));
  });

  it('past the wait, the last policy read stands in; a late answer that is the same calls no one', async () => {
    const { loadManaged } = await fresh();
    const first = loadManaged({ waitMs: 60_000 });
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    answers[0]!.resolve(POLICY);
    await first;
    const onLate = vi.fn();
    expect(await loadManaged({ waitMs: 5, onLate })).toEqual({ region: '1811', lockListSource: true });
    answers[1]!.resolve(POLICY);
    await new Promise((r) => setTimeout(r, 0)); // the late read lands
    // a new reader asks the browser again
    const third = loadManaged({ waitMs: 60_000 });
    await vi.waitFor(() => expect(answers).toHaveLength(3));
    answers[2]!.resolve({});
    expect(await third).toEqual({});
    expect(onLate).not.toHaveBeenCalled();
  });

  it('readers during one slow read share it, and only the first waits', async () => {
    const { loadManaged } = await fresh();
    expect(await loadManaged({ waitMs: 5 })).toEqual({});
    // the same read is still out: a second reader is answered without a new wait or a new read
    expect(await loadManaged({ waitMs: 5 })).toEqual({});
    expect(answers).toHaveLength(1);
  });
});

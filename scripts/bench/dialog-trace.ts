/**
 * Where click → dialog time goes: one site's 1,000-post feed, N trusted clicks on a flagged Like
 * under a Chromium trace, and per click the main thread's work from the input's time stamp to the
 * dialog host entering the DOM, split into: input waiting to be dispatched, the page's own event
 * handlers, our content script (decide and the dialog), style and layout, and the rest.
 * `node --import tsx scripts/bench/dialog-trace.ts [site] [clicks]` after `npm run build`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateList } from '../../lib/list/validate';
import { CHROME_BUILD, launchWithExtension } from '../../tests/e2e/harness/browser';
import { injectIndex, optIn } from '../../tests/e2e/harness/extension';
import { startFixtureServer } from '../../tests/e2e/harness/server';
import { makeTestList } from '../../tests/e2e/harness/test-list';
import { PAGE_SITES } from './page';

interface Ev {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: Record<string, unknown> };
}

const site = process.argv[2] ?? 'instagram';
const clicks = Number(process.argv[3] ?? 10);
const found = PAGE_SITES.find((p) => p.name === site);
if (!found) throw new Error(`unknown site ${site}: one of ${PAGE_SITES.map((p) => p.name).join(', ')}`);
const s = { url: found.url, post: found.post, like: found.flaggedLike };
const server = await startFixtureServer();
const b = await launchWithExtension({ port: server.port });
try {
  await optIn(b, { demo: false });
  const bundled = validateList(JSON.parse(readFileSync(join(CHROME_BUILD, 'lists/bundled.json'), 'utf8')));
  if (!bundled.ok) throw new Error('bundled list invalid');
  const test = makeTestList();
  const ids = new Set(test.elections.map((e) => e.id));
  await injectIndex(b, {
    ...test,
    elections: [...test.elections, ...bundled.list.elections.filter((e) => !ids.has(e.id))],
  });
  const strings = await b.worker.evaluate(
    `chrome.storage.local.get('uiStrings').then((r) => Object.keys(r.uiStrings?.id ?? {}).length)`,
  );
  console.log(`uiStrings published: ${strings} keys per language`);
  const page = await b.context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __inputAt: number | null };
    window.addEventListener('pointerdown', (e) => (w.__inputAt = e.timeStamp), { capture: true });
    new MutationObserver((rs) => {
      for (const r of rs)
        for (const n of r.addedNodes)
          if (n instanceof Element && n.localName === 'jaga-netral-dialog') performance.mark('jn-dialog-in');
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(s.url);
  await page.waitForLoadState('load');
  const posts = await page.evaluate((sel) => {
    const o = [...document.querySelectorAll(sel)];
    const parent = o[0]!.parentElement!;
    let n = o.length;
    const frag = document.createDocumentFragment();
    while (n < 1000) for (const x of o) if (n++ < 1000) frag.append(x.cloneNode(true));
    parent.append(frag);
    return document.querySelectorAll(sel).length;
  }, s.post);
  console.log(`${site}: ${posts} posts`);
  const target = page.locator(s.like).first();
  await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const click = async () => {
    await page.evaluate(() => performance.mark('jn-send'));
    await page.mouse.down();
    await page.mouse.up();
    await page.waitForFunction(() => document.querySelector('jaga-netral-dialog'));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('jaga-netral-dialog'));
    await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  };
  await click(); // warm
  const cdp = await page.context().newCDPSession(page);
  const events: Ev[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as Ev[])));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', {
    categories:
      'devtools.timeline,blink.user_timing,v8.execute,disabled-by-default-devtools.timeline,input,benchmark,latencyInfo',
    transferMode: 'ReportEvents',
  });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  for (let i = 0; i < clicks; i++) await click();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  {
    // self time per function of our script, and the total time under each (inclusive)
    const deltas = profile.timeDeltas ?? [];
    const self = new Map<number, number>();
    (profile.samples ?? []).forEach((id, i) => {
      self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0));
    });
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const key = (n: (typeof profile.nodes)[0]) =>
      `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
    const selfBy = new Map<string, number>();
    const inclBy = new Map<string, number>();
    for (const [id, t] of self) {
      const n = byId.get(id)!;
      selfBy.set(key(n), (selfBy.get(key(n)) ?? 0) + t);
      const seen = new Set<string>();
      for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
        const k = key(byId.get(x)!);
        if (seen.has(k)) continue;
        seen.add(k);
        inclBy.set(k, (inclBy.get(k) ?? 0) + t);
      }
    }
    const top = (m: Map<string, number>) =>
      [...m]
        .filter(([k]) => !k.includes('(idle)') && !k.includes('(program)'))
        .sort((a, b) => b[1] - a[1])
        .slice(0, 25)
        .map(([k, v]) => `${(v / 1000 / clicks).toFixed(2).padStart(7)} ms/click  ${k}`)
        .join('\n');
    // callers of the costliest native functions
    const callers = new Map<string, number>();
    for (const [id, t] of self) {
      const n = byId.get(id)!;
      if (n.callFrame.url !== '' || n.callFrame.functionName === '(idle)' || n.callFrame.functionName === '(program)')
        continue;
      const p = parent.get(id);
      const k = `${key(n)}  ←  ${p !== undefined ? key(byId.get(p)!) : '?'}`;
      callers.set(k, (callers.get(k) ?? 0) + t);
    }
    console.log(`self time:\n${top(selfBy)}\n\ninclusive:\n${top(inclBy)}\n\nnative, by caller:\n${top(callers)}\n`);
  }
  await done;
  // the renderer main thread: the one with the user-timing marks
  const marks = events.filter((e) => e.name === 'jn-dialog-in' || e.name === 'jn-send');
  const main = marks[0]!;
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const sends = marks.filter((m) => m.name === 'jn-send').map((m) => m.ts);
  const ins = marks.filter((m) => m.name === 'jn-dialog-in').map((m) => m.ts);
  const rows: string[] = [];
  for (let i = 0; i < sends.length; i++) {
    const from = sends[i]!;
    const to = ins.find((t) => t > from);
    if (to === undefined) continue;
    const slice = onMain.filter((e) => e.ts >= from && e.ts < to);
    const disp = slice.filter((e) => e.name === 'EventDispatch');
    const firstDown = disp.find((e) => e.args?.data?.type === 'pointerdown');
    const click = disp.find((e) => e.args?.data?.type === 'click');
    const sum = (f: (e: Ev) => boolean) => slice.filter(f).reduce((a, e) => a + (e.dur ?? 0), 0) / 1000;
    const ext = (e: Ev) =>
      (e.name === 'FunctionCall' || e.name === 'EventDispatch' || e.name === 'v8.callFunction') &&
      String((e.args?.data as { url?: string } | undefined)?.url ?? '').startsWith('chrome-extension://');
    const byType: Record<string, number> = {};
    for (const d of disp)
      byType[String(d.args?.data?.type)] = (byType[String(d.args?.data?.type)] ?? 0) + (d.dur ?? 0) / 1000;
    rows.push(
      [
        `click ${i + 1}: send→dialog ${((to - from) / 1000).toFixed(1)} ms`,
        `  first pointerdown dispatched at +${firstDown ? ((firstDown.ts - from) / 1000).toFixed(1) : '?'} ms; click dispatched at +${click ? ((click.ts - from) / 1000).toFixed(1) : '?'} ms; dialog in at +${((to - (click?.ts ?? from)) / 1000).toFixed(1)} ms after the click began`,
        `  event dispatch (all handlers) ${Object.entries(byType)
          .map(([k, v]) => `${k} ${v.toFixed(1)}`)
          .join(', ')}`,
        `  our script (FunctionCall from chrome-extension://) ${sum(ext).toFixed(1)} ms; style ${sum((e) => e.name === 'UpdateLayoutTree').toFixed(1)} ms; layout ${sum((e) => e.name === 'Layout').toFixed(1)} ms; paint ${sum((e) => e.name === 'Paint' || e.name === 'PrePaint').toFixed(1)} ms; GC ${sum((e) => /GC/.test(e.name)).toFixed(1)} ms`,
        `  after the dialog is in: first frame painted at +${(() => {
          const paint = onMain.find(
            (e) => e.ts > to && (e.name === 'Paint' || e.name === 'PaintImage' || e.name === 'Commit'),
          );
          const frame = onMain.filter((e) => e.ts > to && (!paint || e.ts <= paint.ts));
          const st = frame.filter((e) => e.name === 'UpdateLayoutTree').reduce((a, e) => a + (e.dur ?? 0), 0) / 1000;
          const la = frame.filter((e) => e.name === 'Layout').reduce((a, e) => a + (e.dur ?? 0), 0) / 1000;
          return `${paint ? ((paint.ts + (paint.dur ?? 0) - to) / 1000).toFixed(1) : '?'} ms (style ${st.toFixed(1)} ms, layout ${la.toFixed(1)} ms in between)`;
        })()}`,
      ].join('\n'),
    );
  }
  console.log(rows.join('\n'));
  // the long events inside the click handler, for the first measured click
  const from = sends[0]!;
  const to = ins.find((t) => t > from)!;
  const top = onMain
    .filter((e) => e.ts >= from && e.ts < to && (e.dur ?? 0) > 300)
    .map(
      (e) =>
        `${((e.ts - from) / 1000).toFixed(1).padStart(6)} +${((e.dur ?? 0) / 1000).toFixed(1).padStart(5)} ${e.name} ${JSON.stringify(e.args?.data ?? {}).slice(0, 120)}`,
    );
  console.log(`\nevents ≥ 0.3 ms between send and dialog (click 1):\n${top.join('\n')}`);
} finally {
  await b.close();
  await server.close();
}

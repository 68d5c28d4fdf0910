import { guardUi } from '../components/WarningDialogHost';
import { runSiteGuard } from '../lib/guard/runtime';
import { THREADS_LINKS } from '../lib/log/links';
import { threadsCode } from '../lib/sites/threads';
import { matchPatternsOf } from '../lib/sites/registry';

export default defineContentScript({
  // threads.net redirects to threads.com, but old links and cached sessions still land on it.
  matches: matchPatternsOf('threads'),
  // Early, so the capture listener is in place before the page's own handlers.
  runAt: 'document_start',
  main(ctx) {
    void runSiteGuard(ctx, 'threads', threadsCode, guardUi, THREADS_LINKS);
  },
});

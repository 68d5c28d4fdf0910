import { guardUi } from '../components/WarningDialogHost';
import { runSiteGuard } from '../lib/guard/runtime';
import { X_LINKS } from '../lib/log/links';
import { xCode } from '../lib/sites/x';
import { matchPatternsOf } from '../lib/sites/registry';

export default defineContentScript({
  matches: matchPatternsOf('x'),
  // Early, so the capture listener is in place before the page's own handlers.
  runAt: 'document_start',
  main(ctx) {
    void runSiteGuard(ctx, 'x', xCode, guardUi, X_LINKS);
  },
});

import { guardUi } from '../components/WarningDialogHost';
import { runSiteGuard } from '../lib/guard/runtime';
import { TIKTOK_LINKS } from '../lib/log/links';
import { tiktokCode } from '../lib/sites/tiktok';
import { matchPatternsOf } from '../lib/sites/registry';

export default defineContentScript({
  matches: matchPatternsOf('tiktok'),
  // Early, so the capture listener is in place before the page's own handlers.
  runAt: 'document_start',
  main(ctx) {
    void runSiteGuard(ctx, 'tiktok', tiktokCode, guardUi, TIKTOK_LINKS);
  },
});

import { guardUi } from '../components/WarningDialogHost';
import { runSiteGuard } from '../lib/guard/runtime';
import { tiktok } from '../lib/sites/tiktok';

export default defineContentScript({
  matches: ['*://www.tiktok.com/*', '*://tiktok.com/*', '*://m.tiktok.com/*'],
  // Early, so the capture listener is in place before the page's own handlers.
  runAt: 'document_start',
  main(ctx) {
    void runSiteGuard(ctx, tiktok, guardUi);
  },
});

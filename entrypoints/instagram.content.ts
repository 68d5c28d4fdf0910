import { guardUi } from '../components/WarningDialogHost';
import { runSiteGuard } from '../lib/guard/runtime';
import { instagram } from '../lib/sites/instagram';

export default defineContentScript({
  matches: ['*://www.instagram.com/*', '*://instagram.com/*', '*://m.instagram.com/*'],
  // Early, so the capture listener is in place before the page's own handlers.
  runAt: 'document_start',
  main(ctx) {
    void runSiteGuard(ctx, instagram, guardUi);
  },
});

import { guardUi } from '../components/WarningDialogHost';
import { runSiteGuard } from '../lib/guard/runtime';
import { facebook } from '../lib/sites/facebook';

export default defineContentScript({
  matches: ['*://www.facebook.com/*', '*://web.facebook.com/*', '*://m.facebook.com/*', '*://facebook.com/*'],
  // Early, so the capture listener is in place before React's root listener.
  runAt: 'document_start',
  main(ctx) {
    void runSiteGuard(ctx, facebook, guardUi);
  },
});

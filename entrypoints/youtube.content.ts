import { guardUi } from '../components/WarningDialogHost';
import { runSiteGuard } from '../lib/guard/runtime';
import { youtube } from '../lib/sites/youtube';

export default defineContentScript({
  matches: ['*://www.youtube.com/*', '*://youtube.com/*', '*://m.youtube.com/*'],
  // Early, so the capture listener is in place before Polymer's element listeners.
  runAt: 'document_start',
  main(ctx) {
    void runSiteGuard(ctx, youtube, guardUi);
  },
});

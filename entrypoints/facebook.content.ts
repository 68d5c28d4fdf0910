import { guardUi } from '../components/WarningDialogHost';
import { runSiteGuard } from '../lib/guard/runtime';
import { FACEBOOK_LINKS } from '../lib/log/links';
import { facebookCode } from '../lib/sites/facebook';
import { matchPatternsOf } from '../lib/sites/registry';

export default defineContentScript({
  matches: matchPatternsOf('facebook'),
  // Early, so the capture listener is in place before React's root listener.
  runAt: 'document_start',
  main(ctx) {
    void runSiteGuard(ctx, 'facebook', facebookCode, guardUi, FACEBOOK_LINKS);
  },
});

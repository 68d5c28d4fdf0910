import { guardUi } from '../components/WarningDialogHost';
import { runSiteGuard } from '../lib/guard/runtime';
import { INSTAGRAM_LINKS } from '../lib/log/links';
import { instagramCode } from '../lib/sites/instagram';
import { matchPatternsOf } from '../lib/sites/registry';

export default defineContentScript({
  matches: matchPatternsOf('instagram'),
  // Early, so the capture listener is in place before the page's own handlers.
  runAt: 'document_start',
  main(ctx) {
    void runSiteGuard(ctx, 'instagram', instagramCode, guardUi, INSTAGRAM_LINKS);
  },
});

import { guardUi } from '../components/WarningDialogHost';
import { runSiteGuard } from '../lib/guard/runtime';
import { YOUTUBE_LINKS } from '../lib/log/links';
import { youtubeCode } from '../lib/sites/youtube';
import { matchPatternsOf } from '../lib/sites/registry';

export default defineContentScript({
  matches: matchPatternsOf('youtube'),
  // Early, so the capture listener is in place before Polymer's element listeners.
  runAt: 'document_start',
  main(ctx) {
    void runSiteGuard(ctx, 'youtube', youtubeCode, guardUi, YOUTUBE_LINKS);
  },
});

import { guardUi } from '../components/WarningDialogHost';
import { runSiteGuard } from '../lib/guard/runtime';
import { WHATSAPP_LINKS } from '../lib/log/links';
import { whatsappCode } from '../lib/sites/whatsapp';
import { matchPatternsOf } from '../lib/sites/registry';

export default defineContentScript({
  matches: matchPatternsOf('whatsapp'),
  // Early, so the capture listener is in place before WhatsApp's own handlers.
  runAt: 'document_start',
  main(ctx) {
    void runSiteGuard(ctx, 'whatsapp', whatsappCode, guardUi, WHATSAPP_LINKS);
  },
});

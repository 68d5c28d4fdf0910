import { guardUi } from '../components/WarningDialogHost';
import { runSiteGuard } from '../lib/guard/runtime';
import { whatsapp } from '../lib/sites/whatsapp';

export default defineContentScript({
  matches: ['*://web.whatsapp.com/*'],
  // Early, so the capture listener is in place before WhatsApp's own handlers.
  runAt: 'document_start',
  main(ctx) {
    void runSiteGuard(ctx, whatsapp, guardUi);
  },
});

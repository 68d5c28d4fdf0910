/**
 * The in-page UI's style sheets as text, for the background to publish (lib/background/ui-styles.ts).
 * Content scripts do not import this module: they read the published text (lib/guard/ui-styles.ts).
 */
import type { UiStyles } from '../lib/guard/ui-styles';
import banner from './PageBanner.css?inline';
import dialog from './WarningDialog.css?inline';

export const UI_STYLES: UiStyles = { dialog, banner };

import { useEffect, useState } from 'preact/hooks';
import { loadSettings, onSettingsChanged, type Settings } from '../lib/settings/settings';

/** Settings for an extension page, kept fresh when another page or the popup changes them. */
export function usePageSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void loadSettings().then(setSettings);
    return onSettingsChanged(setSettings);
  }, []);
  useEffect(() => {
    if (settings) document.documentElement.lang = settings.lang;
  }, [settings?.lang]);
  return settings;
}

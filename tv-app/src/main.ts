// The entry: reads the carrier's configuration, applies its branding to the theme tokens and shows its boot
// screen, then loads the app. The screens' modules build their styles from the tokens when loaded, so they are
// imported only after the branding is in place. What needs no branding starts beside that import, not after it:
// the platform's chunk, then the home's first API reads (on a slow box loading and running the app's chunk takes
// seconds; the round trips overlap it instead of following it).
import { startEarlyHomeReads } from './api/providers/family.provider.ts';
import { hasModernApis, MODERN_APIS } from './boot/modern-apis.ts';
import { showBootScreen } from './carrier/boot-screen.ts';
import { loadCarrierConfig } from './config.ts';
import { locale } from './i18n/i18n.ts';
import { loadPlatform } from './platform/load.ts';
import { rememberedProfileId } from './state/profile.ts';
import { applyBrandingColours } from './theme/branding.ts';

async function launch(): Promise<void> {
  const config = await loadCarrierConfig();
  if (config.branding) {
    applyBrandingColours(config.branding);
    document.title = locale() === 'en' ? config.branding.appName.en : config.branding.appName.zh;
    showBootScreen(config, locale());
  }
  // The credential and the remembered profile live in the platform's storage: the reads start once it is known.
  const platform = loadPlatform(config.platform).then((loaded) => {
    startEarlyHomeReads(rememberedProfileId());
    return loaded;
  });
  const [{ boot }, loaded] = await Promise.all([import('./index.tsx'), platform]);
  boot(config, loaded);
}

// The modern bundle stands aside where the page's detector sent the engine to the legacy one (build/legacy-boot.ts).
if (import.meta.env.LEGACY || hasModernApis(window, MODERN_APIS)) void launch();

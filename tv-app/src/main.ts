// The entry: reads the carrier's configuration, applies its branding to the theme tokens and shows its boot
// screen, then loads the app. The screens' modules build their styles from the tokens when loaded, so they are
// imported only after the branding is in place.
import { hasModernApis, MODERN_APIS } from './boot/modern-apis.ts';
import { showBootScreen } from './carrier/boot-screen.ts';
import { loadCarrierConfig } from './config.ts';
import { locale } from './i18n/i18n.ts';
import { applyBrandingColours } from './theme/branding.ts';

async function launch(): Promise<void> {
  const config = await loadCarrierConfig();
  if (config.branding) {
    applyBrandingColours(config.branding);
    document.title = locale() === 'en' ? config.branding.appName.en : config.branding.appName.zh;
    showBootScreen(config, locale());
  }
  const { boot } = await import('./index.tsx');
  await boot(config);
}

// The modern bundle stands aside where the page's detector sent the engine to the legacy one (build/legacy-boot.ts).
if (import.meta.env.LEGACY || hasModernApis(window, MODERN_APIS)) void launch();

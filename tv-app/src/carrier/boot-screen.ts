// The carrier's boot screen: plain DOM over the page while the app's code and first screen load, so a box
// shows the carrier's colours and logo from its first frame. Removed once the renderer first goes idle.
import type { AppConfig } from '../config.ts';

const BOOT_ID = 'ketang-boot';

export function showBootScreen(config: AppConfig, locale: 'zh-CN' | 'en'): void {
  const boot = config.branding?.bootScreen;
  if (!boot) return;
  const screen = document.createElement('div');
  screen.id = BOOT_ID;
  screen.style.cssText = `position:fixed;inset:0;z-index:10;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:32px;background:${boot.background};color:${config.branding?.colours.text ?? '#fff'};font:40px sans-serif`;
  if (boot.logo) {
    const logo = document.createElement('img');
    logo.src = boot.logo;
    logo.alt = '';
    logo.style.height = '160px';
    screen.append(logo);
  }
  const text = boot.text ?? config.branding?.appName;
  if (text) screen.append(document.createTextNode(locale === 'en' ? text.en : text.zh));
  document.body.append(screen);
}

export function hideBootScreen(): void {
  document.getElementById(BOOT_ID)?.remove();
}

import { locale, setLocale, t } from '../i18n/i18n.ts';

/** Chinese ⇄ English; the choice is remembered on this phone. */
export default function LanguageSwitch() {
  return (
    <button
      type="button"
      class="language-switch"
      lang={locale() === 'zh-CN' ? 'en' : 'zh-CN'}
      aria-label={t('common.switchLanguageLabel')}
      onClick={() => setLocale(locale() === 'zh-CN' ? 'en' : 'zh-CN')}
    >
      {t('common.switchLanguage')}
    </button>
  );
}

// "Manage on your phone": a phone link for the parent's phone page (docs/family.md) as a QR code. The link is
// minted again shortly before it expires, so the code on screen always opens the page; OK mints one now,
// Back closes the card.
import { createEffect, createResource, onCleanup, Show } from 'solid-js';
import { Button } from '../components/Button.tsx';
import { t } from '../i18n/i18n.ts';
import { TEXT_BODY, TEXT_MUTED, TEXT_TITLE } from '../theme/styles.ts';
import { SIZE, SPACE } from '../theme/tokens.ts';
import { CARE_COLOR } from '../theme/care.ts';
import { createPhoneLink } from './parental.provider.ts';
import { SettingsLayer } from '../components/SettingsLayer.tsx';
import { QrCode } from '../components/QrCode.tsx';

/** The code's side without its quiet zone, about: readable by a phone held on the sofa. */
const QR_TARGET_PX = 480;
/** A new link this long before the shown one expires, so a scan never opens an expired link. */
const REFRESH_BEFORE_MS = 30_000;

function clockTime(iso: string): string {
  const at = new Date(iso);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}

export function PhoneLinkCard(props: { onClose: () => void }) {
  const [link, { refetch }] = createResource(createPhoneLink);

  createEffect(() => {
    const current = link.latest;
    if (!current) return;
    const wait = Math.max(5_000, Date.parse(current.expiresAt) - Date.now() - REFRESH_BEFORE_MS);
    const timer = setTimeout(() => void refetch(), wait);
    onCleanup(() => clearTimeout(timer));
  });

  const textWidth = SIZE.screenWidth - SPACE.screenX * 3 - 620;

  return (
    <SettingsLayer focusIndex={4} onClose={props.onClose}>
      <text style={TEXT_TITLE} x={SPACE.screenX} y={SPACE.screenY + 160}>
        {t('phone.title')}
      </text>
      <text
        style={TEXT_BODY}
        x={SPACE.screenX}
        y={SPACE.screenY + 280}
        width={textWidth}
        contain="width"
        maxLines={3}
      >
        {t('phone.hint')}
      </text>
      <text style={TEXT_MUTED} x={SPACE.screenX} y={SPACE.screenY + 440} width={textWidth} contain="width">
        {link.error
          ? t('phone.failed', {
              message: link.error instanceof Error ? link.error.message : String(link.error),
            })
          : link.latest
            ? t('phone.expires', { time: clockTime(link.latest.expiresAt) })
            : t('phone.loading')}
      </text>
      <text style={TEXT_MUTED} x={SPACE.screenX} y={SPACE.screenY + 500} width={textWidth} contain="width">
        {t('phone.back')}
      </text>
      <Button
        x={SPACE.screenX}
        y={SPACE.screenY + 580}
        label={t('phone.refresh')}
        autofocus
        onEnter={() => void refetch()}
      />
      <QrCode text={link.latest?.url} targetPx={QR_TARGET_PX} right={SIZE.screenWidth - SPACE.screenX} />
      <Show when={link.loading && link.latest}>
        <text style={TEXT_MUTED} x={SPACE.screenX} y={SPACE.screenY + 680} color={CARE_COLOR.checkOn}>
          {t('phone.loading')}
        </text>
      </Show>
    </SettingsLayer>
  );
}

// The app shell: the key map, Back at the top of the focus path, and the focus guard.
import { activeElement, type ElementNode } from '@lightningtv/solid';
import { useFocusManager } from '@lightningtv/solid/primitives';
import { useLocation, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { createEffect, on, onCleanup } from 'solid-js';
import { PreviewBanner } from '../components/PreviewBanner.tsx';
import { getConfig } from '../config.ts';
import { ensureFocus, installFocusGuard } from '../focus/focus-guard.ts';
import { readCredential } from '../state/credential.ts';
import { exposeForTests } from '../state/test-hooks.ts';
import { SIZE } from '../theme/tokens.ts';

type TextTree = { text?: string; pictureTitle?: unknown; children?: TextTree[] } | undefined;

// A regular expression, not replaceAll (Chrome 85): the modern bundle also runs on Chrome 73–84.
const ZERO_WIDTH_SPACES = /\u200b/g;

/**
 * The text shown inside a node (its first text descendant, or the title its picture shows: a tile over a
 * generated cover marks its view with `pictureTitle`), for tests to see what has focus.
 */
function textOf(node: TextTree): string {
  if (!node) return '';
  if (typeof node.pictureTitle === 'string') return node.pictureTitle.replace(ZERO_WIDTH_SPACES, '');
  if (node.text) return node.text.replace(ZERO_WIDTH_SPACES, '');
  for (const child of node.children ?? []) {
    const text = textOf(child);
    if (text) return text;
  }
  return '';
}

type HeadedTree = { railHeading?: unknown; parent?: HeadedTree } | undefined;

/** The heading of the rail holding a node (Rail marks its view with `railHeading`), for tests. */
function railHeadingOf(node: HeadedTree): string {
  for (let at = node; at; at = at.parent) if (typeof at.railHeading === 'string') return at.railHeading;
  return '';
}

export function App(props: RouteSectionProps) {
  let root: ElementNode | undefined;
  const navigate = useNavigate();
  const location = useLocation();
  useFocusManager(getConfig().keyMap);
  installFocusGuard(activeElement);
  // The shell itself holds focus only while a screen loads: tests see that as nothing focused.
  exposeForTests('activeElement', activeElement);
  exposeForTests('focusedText', () => (activeElement() === root ? '' : textOf(activeElement())));
  exposeForTests('focusedRailHeading', () => railHeadingOf(activeElement() as HeadedTree));

  // After every key and route change, make sure something on this screen has focus.
  const guard = () => setTimeout(() => root && ensureFocus(root), 0);
  window.addEventListener('keydown', guard);
  onCleanup(() => window.removeEventListener('keydown', guard));
  createEffect(
    on(
      () => location.pathname,
      () => setTimeout(guard, 50),
    ),
  );

  // A carrier's box that activates by code shows the activation screen until it holds a credential (and again
  // once the API refuses it: revoked, expired).
  createEffect(
    on(
      () => location.pathname,
      (pathname) => {
        const mustActivate = getConfig().features.activation === 'code' && !readCredential();
        if (mustActivate && pathname !== '/activate') navigate('/activate', { replace: true });
      },
    ),
  );

  // The blue key (or `p`) asks who is watching, from any screen but the profile screens themselves.
  const pickProfile = () => {
    if (!location.pathname.startsWith('/profiles')) navigate('/profiles');
    return true;
  };

  const goBack = () => {
    if (location.pathname !== '/') navigate(-1);
    return true;
  };

  return (
    // No colour: the page behind the transparent canvas paints the background (public/styles.css, the same
    // colour as COLOR.background), so the player's video shows through and no full-screen quad is filled on
    // every frame.
    <view
      ref={root}
      width={SIZE.screenWidth}
      height={SIZE.screenHeight}
      onBack={goBack}
      onProfiles={pickProfile}
    >
      {props.children}
      <PreviewBanner />
    </view>
  );
}

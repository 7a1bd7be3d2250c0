// A platform's deep link as one of the app's routes: `lesson/<id>`, `play/<id>`, `channel/<id>` (also with a
// leading `/`, `#/` or a `ketang://` scheme). Anything else is ignored, never guessed at.
const ROUTES: Record<string, string> = { lesson: '/lesson/', play: '/play/', channel: '/channels/' };
const LINK = /^(?:ketang:\/\/|#?\/?)(lesson|play|channel)\/([A-Za-z0-9_-]+)$/;

export function routeOfLink(link: string): string | undefined {
  const match = LINK.exec(link.trim());
  return match ? `${ROUTES[match[1]!]}${match[2]}` : undefined;
}

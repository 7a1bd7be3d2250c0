// Which installed app version a box boots: plain ES5 so the loader page can inline it as is (old engines
// included); the tests import it. `state` is what the loader and the app keep in localStorage:
// `good`, the newest version that reached a focused home, and `trying`, a version booted but not yet good.

/** -1, 0 or 1 comparing two semantic versions' numeric parts (pre-release tags sort before the release). */
export function compareVersions(a, b) {
  var pa = a.split('-')[0].split('.');
  var pb = b.split('-')[0].split('.');
  for (var i = 0; i < 3; i++) {
    var d = Number(pa[i]) - Number(pb[i]);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  var ta = a.indexOf('-') >= 0;
  var tb = b.indexOf('-') >= 0;
  return ta === tb ? 0 : ta ? -1 : 1;
}

/**
 * The version to boot and the state to save before booting it. The newest installed version is tried once; if
 * the try never became good (the app failed before its home was focused), that version is marked failed and
 * the loader boots the last good one (else the next older installed version) from then on.
 */
export function chooseBootVersion(installed, state) {
  var sorted = installed.slice().sort(compareVersions).reverse();
  if (sorted.length === 0) return undefined;
  var newest = sorted[0];
  if (newest === state.good) return { version: newest, state: state };
  var fallback = state.good && sorted.indexOf(state.good) >= 0 ? state.good : sorted[1];
  // A version that failed its try is not tried again; a newer install is.
  if (newest === state.failed && fallback) return { version: fallback, state: state };
  if (state.trying !== newest || !fallback) {
    return { version: newest, state: { good: state.good, trying: newest, failed: state.failed } };
  }
  return { version: fallback, state: { good: state.good, trying: newest, failed: newest } };
}

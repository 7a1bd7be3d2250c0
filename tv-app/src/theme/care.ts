// Design tokens of the parental care screens: the PIN pad, the care cards and the eye exercise.
export const CARE_COLOR = {
  /** The break card's calm green, opaque: the lesson picture must not show through. */
  restBackground: 0x0f3b2eff,
  blockBackground: 0x0b1a2eff,
  eyeDot: 0x9be7a1ff,
  eyeTrack: 0xffffff26,
  pinDotEmpty: 0xffffff40,
  pinDotFilled: 0xffd23fff,
  warning: 0xff8a80ff,
  checkOn: 0x9be7a1ff,
  checkOff: 0xffffff33,
  moon: 0xffe08aff,
  star: 0xfff6d5ff,
  clockFace: 0x4fc3f7ff,
  tabChosen: 0x1f6b52ff,
} as const;

export const CARE_SIZE = {
  pinPanelWidth: 760,
  pinPanelHeight: 760,
  pinKeyWidth: 180,
  pinDot: 40,
  pinDotGap: 40,
  eyeDot: 56,
  eyeTrackWidth: 900,
  eyeTrackHeight: 360,
  cardPanelWidth: 1200,
  settingsRowWidth: 1040,
  settingsListWidth: 420,
  check: 28,
  countdown: 120,
  icon: 200,
} as const;

export const CARE_MOTION = {
  /** The wrong-PIN shake: offsets of the dots, one per step. */
  shakeOffsets: [-28, 28, -20, 20, -10, 10, 0],
  shakeStepMs: 45,
  /** One figure-eight lap, and one near-far cycle, of the eye exercise. */
  eightLapMs: 6000,
  nearFarMs: 4000,
  /** The exercise switches between the figure-eight and near-far every this long. */
  phaseMs: 18_000,
  frameMs: 33,
} as const;

// The box's draft-preview code (api/preview.ts): six digits, sent as X-Ketang-Preview on reads until cleared or
// 15 minutes after entry.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  activePreview,
  clearPreview,
  framedPreview,
  isPreviewCode,
  PREVIEW_TTL_MS,
  previewHeaders,
  startPreview,
} from '../src/api/preview.ts';

describe('the preview code', () => {
  afterEach(() => {
    clearPreview();
    vi.useRealTimers();
  });

  it("accepts the API's six digits only, naming the problem", () => {
    expect(isPreviewCode('012345')).toBe(true);
    expect(isPreviewCode('12345')).toBe(false);
    expect(isPreviewCode('ABCDEF')).toBe(false);
    expect(() => startPreview('12a456')).toThrow('preview code: expected 6 digits');
    expect(activePreview()).toBeUndefined();
  });

  it('sends the header while held, none after it is cleared', () => {
    expect(previewHeaders()).toEqual({});
    startPreview('204817');
    expect(previewHeaders()).toEqual({ 'X-Ketang-Preview': '204817' });
    expect(activePreview()?.code).toBe('204817');
    clearPreview();
    expect(previewHeaders()).toEqual({});
  });

  it('expires 15 minutes after entry, banner and header with it', () => {
    vi.useFakeTimers();
    startPreview('204817');
    vi.advanceTimersByTime(PREVIEW_TTL_MS - 1000);
    expect(previewHeaders()).toEqual({ 'X-Ketang-Preview': '204817' });
    vi.advanceTimersByTime(1000);
    expect(activePreview()).toBeUndefined();
    expect(previewHeaders()).toEqual({});
  });
});

describe("the console's framed preview (?preview=)", () => {
  it('reads the code, grade, region and carrier of the previewed scope; leaves out what is malformed', () => {
    expect(framedPreview('?preview=204817&grade=g1&region=jx&carrier=jx-telecom')).toEqual({
      code: '204817',
      grade: 'g1',
      region: 'jx',
      carrier: 'jx-telecom',
    });
    expect(framedPreview('?preview=204817&region=national')).toEqual({ code: '204817', region: 'national' });
    expect(framedPreview('?preview=204817&region=J%20X&carrier=%3Cb%3E')).toEqual({ code: '204817' });
    expect(framedPreview('?preview=20481&region=jx')).toBeUndefined();
  });
});

describe('FRAMED_PREVIEW, read while the module starts', () => {
  it('holds the framed page’s preview and scope (nothing it needs is declared after it)', async () => {
    vi.resetModules();
    vi.stubGlobal('location', { search: '?preview=204817&grade=g1&region=jx' });
    try {
      const { FRAMED_PREVIEW } = await import('../src/api/preview.ts');
      expect(FRAMED_PREVIEW).toEqual({ code: '204817', grade: 'g1', region: 'jx' });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
